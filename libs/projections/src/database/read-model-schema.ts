import { ApplicationOverviewRow } from '../application-overview/application-overview.entity';
import { CreateReadModels1732600000001 } from '../migrations/1732600000001-create-read-models';
import { ProjectionCheckpointRow } from '../projector/projection-checkpoint.entity';
import { BeneficiaryApplicationRow, BeneficiaryIndexRow } from '../beneficiary-index/beneficiary-index.entity';
import { OfficerActivityRow } from '../officer-activity/officer-activity.entity';
import { OverdueStepRow } from '../overdue-steps/overdue-steps.entity';
import { CreateBeneficiaryIndex1764200000001 } from '../migrations/1764200000001-create-beneficiary-index';
import { CreateOfficerActivity1764200000002 } from '../migrations/1764200000002-create-officer-activity';
import { CreateOverdueSteps1764200000003 } from '../migrations/1764200000003-create-overdue-steps';
import { FraudAlertResolutionRow, FraudAlertRow } from '../fraud-alerts/fraud-alerts.entity';
import { CreateFraudAlerts1764200000004 } from '../migrations/1764200000004-create-fraud-alerts';
import { DropWardDashboard1764600000000 } from '../migrations/1764600000000-drop-ward-dashboard';
import { ApplicantIndexRow } from '../applicant-index/applicant-index.entity';
import { IdentityResolution1765200000000 } from '../migrations/1765200000000-identity-resolution';
import { ApplicationOverviewSupersession1765100000000 } from '../migrations/1765100000000-application-overview-supersession';
import { ApplicationOverviewReceivedOn1765100000001 } from '../migrations/1765100000001-application-overview-received-on';
import { FraudAlertReasonKeys1765400000000 } from '../migrations/1765400000000-fraud-alert-reason-keys';

/** Read-model entities and their migrations; each projection adds its own here. */
export const projectionEntities: Function[] = [ApplicationOverviewRow, ProjectionCheckpointRow];
projectionEntities.push(BeneficiaryApplicationRow, BeneficiaryIndexRow, OfficerActivityRow, OverdueStepRow);
projectionEntities.push(FraudAlertRow, FraudAlertResolutionRow);
export const projectionMigrations: Function[] = [CreateReadModels1732600000001];
projectionMigrations.push(CreateBeneficiaryIndex1764200000001, CreateOfficerActivity1764200000002, CreateOverdueSteps1764200000003);
projectionMigrations.push(CreateFraudAlerts1764200000004, DropWardDashboard1764600000000);
projectionEntities.push(ApplicantIndexRow);
projectionMigrations.push(IdentityResolution1765200000000);
projectionMigrations.push(ApplicationOverviewSupersession1765100000000, ApplicationOverviewReceivedOn1765100000001);
projectionMigrations.push(FraudAlertReasonKeys1765400000000);
