import { ApplicationOverviewProjection } from '../application-overview/application-overview.projection';
import type { Projection } from '../projection';

/** Every read model the projector maintains; `cli projections` rebuilds them by name. */
export const registeredProjections = (): Projection[] => [new ApplicationOverviewProjection()];
