import type { ProgrammeCatalog } from '@lib/domain';
import { alertsRaised } from '@lib/platform';
import { ApplicationOverviewProjection } from '../application-overview/application-overview.projection';
import type { Projection } from '../projection';
import { BeneficiaryIndexProjection } from '../beneficiary-index/beneficiary-index.projection';
import { OfficerActivityProjection } from '../officer-activity/officer-activity.projection';
import { OverdueStepsProjection } from '../overdue-steps/overdue-steps.projection';
import { FraudAlertsProjection } from '../fraud-alerts/fraud-alerts.projection';
import { ApplicantIndexProjection } from '../applicant-index/applicant-index.projection';
import { PaymentMismatchesProjection } from '../payment-mismatches/payment-mismatches.projection';

/**
 * Every read model the projector maintains; `cli projections` rebuilds them by name. Calendars,
 * time limits and fraud-rule parameters come from the programme definitions the service runs with.
 */
export const registeredProjections = (programmes: ProgrammeCatalog): Projection[] => [
  new ApplicationOverviewProjection(),
  new BeneficiaryIndexProjection(),
  new OfficerActivityProjection(),
  new OverdueStepsProjection(programmes),
  new FraudAlertsProjection(programmes, { onRaised: ({ rule, severity }) => alertsRaised.inc({ rule, severity }) }),
  new ApplicantIndexProjection(),
  new PaymentMismatchesProjection(),
];

