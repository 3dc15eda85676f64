import { ApplicationOverviewRow } from '../application-overview/application-overview.entity';
import { CreateReadModels1732600000001 } from '../migrations/1732600000001-create-read-models';
import { ProjectionCheckpointRow } from '../projector/projection-checkpoint.entity';
import { WardDashboardRow } from '../ward-dashboard/ward-dashboard.entity';

/** Read-model entities and their migrations; each projection adds its own here. */
export const projectionEntities: Function[] = [ApplicationOverviewRow, WardDashboardRow, ProjectionCheckpointRow];
export const projectionMigrations: Function[] = [CreateReadModels1732600000001];
