import { InvalidTransition } from '../common/domain-error';
import type { SupportApplicationCredited, SupportApplicationMemberExcluded, SupportApplicationSuperseded } from './support-application.events';
import type { SupportApplication } from './support-application.state';

/** Still counted against the person: approved and not closed as superseded, rejected or withdrawn. */
const SUPERSEDABLE: readonly string[] = ['approved', 'in-progress', 'paid', 'recovery-ordered', 'recovered'];

/**
 * NQ 42 "one support, the highest" (§2 as this project applies it): the lower application is
 * closed; what it paid is kept and credited to the higher one, its unpaid rest is cancelled.
 */
export const supersede = (lower: SupportApplication, by: { applicationId: string; at: string }): SupportApplicationSuperseded => {
  if (lower.status === 'none' || !SUPERSEDABLE.includes(lower.status) || !lower.approvedMonths) {
    throw new InvalidTransition('supersession.not-open', { status: lower.status });
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

/**
 * One member's share leaves a household support (§2: the member keeps the higher of the two for
 * himself; the household's other members keep their share). At approval, when the member
 * already holds an equal or higher support; later, when a higher support of theirs supersedes
 * the share (then what was paid of it is kept and credited to the higher one).
 */
export const excludeMember = (
  household: SupportApplication,
  citizenId: string,
  at: string,
  supersededBy?: string,
): SupportApplicationMemberExcluded => {
  if (household.status === 'none' || !household.memberShare || !household.claim.members?.some((member) => member.citizenId === citizenId)) {
    throw new InvalidTransition('supersession.no-member-share');
  }
  if (household.excludedMembers?.includes(citizenId)) throw new InvalidTransition('supersession.member-already-left');
  const share = household.memberShare;
  // Once-paid categories are paid whole: a paid household paid this member's share too.
  const keptAmount = household.paidAmount > 0 ? share : 0;
  return {
    type: 'SupportApplicationMemberExcluded',
    data: {
      applicationId: household.applicationId,
      citizenId,
      reason: supersededBy ? 'superseded' : 'holds-higher-support',
      ...(supersededBy ? { supersededBy } : {}),
      share,
      keptAmount,
      cancelledAmount: share - keptAmount,
      excludedAt: at,
    },
  };
};

/** The higher support is credited with the member's share the household was already paid. */
export const creditForMember = (excluded: SupportApplicationMemberExcluded): SupportApplicationCredited => ({
  type: 'SupportApplicationCredited',
  data: { applicationId: excluded.data.supersededBy!, supersedes: excluded.data.applicationId, creditedAmount: excluded.data.keptAmount, creditedAt: excluded.data.excludedAt },
});
