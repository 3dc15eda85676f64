import { disbursementKey } from './loan';
import type { Claim, SupportApplicationEvent } from './support-application.events';

export type ApplicationStatus =
  | 'submitted'
  | 'in-progress'
  | 'approved'
  | 'paid'
  | 'rejected'
  | 'withdrawn'
  | 'recovery-ordered'
  | 'recovered'
  | 'superseded';

/** Only what later decisions need; display fields belong to projections. */
export type SupportApplication =
  | { status: 'none' }
  | {
      status: ApplicationStatus;
      applicationId: string;
      programmeId: string;
      programmeVersion: number;
      category: string;
      ward: string;
      citizenId: string;
      /** The claim as filed: approval narrows its months and counts its household members. */
      claim: Claim;
      steps: string[];
      /** Index, in the category's steps, of the next step to perform. */
      nextStep: number;
      /** Officer per step performed, for segregation of duties. */
      performedBy: Record<string, string>;
      approvedMonths: string[] | null;
      approvedAmount: number;
      paidAmount: number;
      recoveryOrderedAmount: number;
      recoveredAmount: number;
      /** Paid under lower supports this one superseded: deducted from what it still owes. */
      creditedAmount: number;
      supersededBy: string | null;
      supersedes: string[];
      /** Household members whose share left this application (they hold their own support). */
      excludedMembers?: string[];
      /** Each listed member's equal share of a household support, fixed at approval. */
      memberShare?: number;
      lastStepAt: string;
      postedUntil: string | null;
      /** Employer loans: the worker-months disbursed (`citizenId|month`), each once. */
      disbursed?: string[];
    };

export type ActiveApplication = Exclude<SupportApplication, { status: 'none' }>;

export const initialState = (): SupportApplication => ({ status: 'none' });

const advance = (state: ActiveApplication, step: string, by: string, at: string, status: ApplicationStatus): ActiveApplication => ({
  ...state,
  status,
  nextStep: state.nextStep + 1,
  performedBy: { ...state.performedBy, [step]: by },
  lastStepAt: at,
});

/**
 * Total and never throws: an event the state does not expect leaves it unchanged, because
 * stored history is a fact even when today's rules would not have allowed it.
 */
export const evolve = (state: SupportApplication, event: SupportApplicationEvent): SupportApplication => {
  if (event.type === 'SupportApplicationSubmitted') {
    const { data } = event;
    return {
      status: 'submitted',
      applicationId: data.applicationId,
      programmeId: data.programmeId,
      programmeVersion: data.programmeVersion,
      category: data.category,
      ward: data.applicant.ward,
      citizenId: data.applicant.citizenId,
      claim: data.claim,
      steps: data.steps,
      nextStep: 1,
      performedBy: { [data.steps[0] ?? 'intake']: data.submittedBy },
      approvedMonths: null,
      approvedAmount: 0,
      paidAmount: 0,
      recoveryOrderedAmount: 0,
      recoveredAmount: 0,
      creditedAmount: 0,
      supersededBy: null,
      supersedes: [],
      lastStepAt: data.submittedAt,
      postedUntil: null,
    };
  }
  if (state.status === 'none') return state;
  // 'approved' means every approval is done and only payment is left.
  const progressed = (nextStep: number): ApplicationStatus => (nextStep >= state.steps.length - 1 ? 'approved' : 'in-progress');
  switch (event.type) {
    case 'SupportApplicationReviewed':
      return advance(state, event.data.step, event.data.reviewedBy, event.data.reviewedAt, progressed(state.nextStep + 1));
    case 'SupportApplicationPosted':
      return { ...advance(state, event.data.step, event.data.postedBy, event.data.postedAt, progressed(state.nextStep + 1)), postedUntil: event.data.postedUntil };
    case 'SupportApplicationApproved':
      return {
        ...advance(state, event.data.step, event.data.approvedBy, event.data.approvedAt, progressed(state.nextStep + 1)),
        approvedMonths: event.data.approvedMonths,
        approvedAmount: event.data.approvedAmount,
        ...(Array.isArray(state.claim.members) && state.claim.members.length > 0 ? { memberShare: event.data.approvedAmount / state.claim.members.length } : {}),
      };
    case 'SupportApplicationDecided': {
      const advanced = advance(state, event.data.step, event.data.decidedBy, event.data.decidedAt, progressed(state.nextStep + 1));
      return event.data.approvedMonths && event.data.approvedAmount !== undefined
        ? { ...advanced, approvedMonths: event.data.approvedMonths, approvedAmount: event.data.approvedAmount }
        : advanced;
    }
    case 'SupportApplicationRejected':
      return { ...state, status: 'rejected', performedBy: { ...state.performedBy, [event.data.step]: event.data.rejectedBy }, lastStepAt: event.data.rejectedAt };
    case 'SupportApplicationPaid':
      if (event.data.worker !== undefined && event.data.month !== undefined) {
        // A loan is paid out worker-month by worker-month, each exactly its due share and once:
        // it is paid when the amounts reach the loan (read models, which keep no list, agree).
        const disbursed = [...(state.disbursed ?? []), disbursementKey(event.data.worker, event.data.month)];
        const paidAmount = state.paidAmount + event.data.amount;
        const paid = { ...state, disbursed, paidAmount, performedBy: { ...state.performedBy, [event.data.step]: event.data.paidBy }, lastStepAt: event.data.paidAt };
        return paidAmount >= state.approvedAmount ? advance(paid, event.data.step, event.data.paidBy, event.data.paidAt, 'paid') : paid;
      }
      return { ...advance(state, event.data.step, event.data.paidBy, event.data.paidAt, 'paid'), paidAmount: state.paidAmount + event.data.amount };
    case 'SupportApplicationWithdrawn':
      return { ...state, status: 'withdrawn', lastStepAt: event.data.withdrawnAt };
    case 'SupportRecoveryOrdered':
      return { ...state, status: 'recovery-ordered', recoveryOrderedAmount: state.recoveryOrderedAmount + event.data.amount };
    case 'SupportRecovered': {
      const recoveredAmount = state.recoveredAmount + event.data.amount;
      return { ...state, status: recoveredAmount >= state.recoveryOrderedAmount ? 'recovered' : 'recovery-ordered', recoveredAmount };
    }
    case 'SupportApplicationSuperseded':
      return { ...state, status: 'superseded', supersededBy: event.data.supersededBy, lastStepAt: event.data.supersededAt };
    case 'SupportApplicationMemberExcluded':
      return {
        ...state,
        approvedAmount: state.approvedAmount - event.data.cancelledAmount,
        excludedMembers: [...(state.excludedMembers ?? []), event.data.citizenId],
      };
    case 'SupportApplicationCredited':
      return { ...state, creditedAmount: state.creditedAmount + event.data.creditedAmount, supersedes: [...state.supersedes, event.data.supersedes] };
    default:
      return state;
  }
};

/** What a payment must equal now: approved, less what was paid here or under a superseded lower support. */
export const amountDue = (state: SupportApplication): number =>
  state.status === 'approved' ? Math.max(0, state.approvedAmount - state.creditedAmount - state.paidAmount) : 0;
