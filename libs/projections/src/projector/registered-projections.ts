import { ApplicationOverviewProjection } from '../application-overview/application-overview.projection';
import type { Projection } from '../projection';
import { BeneficiaryIndexProjection } from '../beneficiary-index/beneficiary-index.projection';
import { OfficerActivityProjection } from '../officer-activity/officer-activity.projection';
import { OverdueStepsProjection } from '../overdue-steps/overdue-steps.projection';
import { defaultProgrammeCatalog } from '../shared/default-programmes';
import { FraudAlertsProjection } from '../fraud-alerts/fraud-alerts.projection';
import { alertsRaised } from '@lib/application/metrics/metrics';

/** Every read model the projector maintains; `cli projections` rebuilds them by name. */
export const registeredProjections = (): Projection[] => [
  new ApplicationOverviewProjection(),
  new BeneficiaryIndexProjection(),
  new OfficerActivityProjection(),
  new OverdueStepsProjection(defaultProgrammeCatalog()),
  new FraudAlertsProjection(defaultProgrammeCatalog(), { onRaised: ({ rule, severity }) => alertsRaised.inc({ rule, severity }) }),
];
