import { InvalidTransition } from '../common/domain-error';
import type { SupportApplicationCredited, SupportApplicationSuperseded } from './support-application.events';
import type { SupportApplication } from './support-application.state';

/** Still counted against the person: approved and not closed as superseded, rejected or withdrawn. */
const SUPERSEDABLE: readonly string[] = ['approved', 'in-progress', 'paid', 'recovery-ordered', 'recovered'];

/**
 * NQ 42 "one support, the highest" (§2 as this project applies it): the lower application is
 * closed; what it paid is kept and credited to the higher one, its unpaid rest is cancelled.
 */
export const supersede = (lower: SupportApplication, by: { applicationId: string; at: string }): SupportApplicationSuperseded => {
  if (lower.status === 'none' || !SUPERSEDABLE.includes(lower.status) || !lower.approvedMonths) {
    throw new InvalidTransition(`a ${lower.status} application cannot be superseded`);
  }
  // What the person holds through this application, including what a still lower one paid before it.
  const keptAmount = lower.paidAmount + lower.creditedAmount - lower.recoveredAmount;
  return {
    type: 'SupportApplicationSuperseded',
    data: {
      applicationId: lower.applicationId,
      supersededBy: by.applicationId,
      keptAmount,
      cancelledAmount: Math.max(0, lower.approvedAmount - lower.creditedAmount - lower.paidAmount),
      supersededAt: by.at,
    },
  };
};

/** The higher application owes only the difference: it is credited with what the lower one kept. */
export const creditFor = (superseded: SupportApplicationSuperseded): SupportApplicationCredited => ({
  type: 'SupportApplicationCredited',
  data: {
    applicationId: superseded.data.supersededBy,
    supersedes: superseded.data.applicationId,
    creditedAmount: superseded.data.keptAmount,
    creditedAt: superseded.data.supersededAt,
  },
});
