import { evolve as evolveApplication, type ActiveApplication, type SupportApplicationEvent } from '@lib/domain';
import type { StoredEvent } from '@lib/event-store';
import type { ApplicationOverviewRow } from './application-overview.entity';

export const OVERVIEW_EVENT_TYPES = new Set<string>([
  'SupportApplicationSubmitted',
  'SupportApplicationReviewed',
  'SupportApplicationPosted',
  'SupportApplicationApproved',
  'SupportApplicationDecided',
  'SupportApplicationRejected',
  'SupportApplicationPaid',
  'SupportApplicationWithdrawn',
  'SupportRecoveryOrdered',
  'SupportRecovered',
  'SupportApplicationSuperseded',
  'SupportApplicationCredited',
  'SupportApplicationMemberExcluded',
]);

const toState = (row: ApplicationOverviewRow): ActiveApplication => ({
  status: row.status,
  applicationId: row.applicationId,
  programmeId: row.programmeId,
  programmeVersion: row.programmeVersion,
  category: row.category,
  ward: row.ward,
  citizenId: row.applicant.citizenId,
  claim: row.claim,
  steps: row.steps,
  nextStep: row.nextStep,
  performedBy: row.performedBy,
  approvedMonths: row.approvedMonths,
  approvedAmount: row.approvedAmount,
  paidAmount: row.paidAmount,
  recoveryOrderedAmount: row.recoveryOrderedAmount,
  recoveredAmount: row.recoveredAmount,
  creditedAmount: row.creditedAmount ?? 0,
  supersededBy: row.supersededBy ?? null,
  supersedes: row.supersedes ?? [],
  lastStepAt: new Date(row.lastStepAt).toISOString(),
  postedUntil: row.postedUntil,
});

const OPEN = new Set(['submitted', 'in-progress', 'approved']);

/**
 * Pure: the overview row after one stored event. Status and amounts come from the domain's own
 * `evolve`, so the read model can never disagree with what the decider would decide on.
 */
export const evolveOverview = (row: ApplicationOverviewRow | null, event: StoredEvent): ApplicationOverviewRow | null => {
  if (!OVERVIEW_EVENT_TYPES.has(event.type)) return row;
  const domainEvent = { type: event.type, data: event.data } as SupportApplicationEvent;
  if (domainEvent.type === 'SupportApplicationSubmitted') {
    if (row) return row;
    const state = evolveApplication({ status: 'none' }, domainEvent) as ActiveApplication;
    return fromState(state, {
      applicant: domainEvent.data.applicant,
      claimedAmount: domainEvent.data.claimedAmount,
      receivedOn: domainEvent.data.receivedOn ?? null,
      submittedAt: new Date(domainEvent.data.submittedAt),
    }, event);
  }
  if (!row) return null;
  // Already applied: a replayed event must not count twice.
  if (event.streamVersion <= row.version) return row;
  const state = evolveApplication(toState(row), domainEvent) as ActiveApplication;
  return fromState(state, row, event);
};

const fromState = (
  state: ActiveApplication,
  display: Pick<ApplicationOverviewRow, 'applicant' | 'claimedAmount' | 'submittedAt' | 'receivedOn'>,
  event: StoredEvent,
): ApplicationOverviewRow => ({
  applicationId: state.applicationId,
  programmeId: state.programmeId,
  programmeVersion: state.programmeVersion,
  category: state.category,
  ward: state.ward,
  status: state.status,
  currentStep: OPEN.has(state.status) ? (state.steps[state.nextStep] ?? null) : null,
  version: event.streamVersion,
  applicant: display.applicant,
  claim: state.claim,
  steps: state.steps,
  nextStep: state.nextStep,
  performedBy: state.performedBy,
  approvedMonths: state.approvedMonths,
  claimedAmount: display.claimedAmount,
  approvedAmount: state.approvedAmount,
  paidAmount: state.paidAmount,
  recoveryOrderedAmount: state.recoveryOrderedAmount,
  recoveredAmount: state.recoveredAmount,
  creditedAmount: state.creditedAmount,
  supersededBy: state.supersededBy,
  supersedes: state.supersedes,
  postedUntil: state.postedUntil,
  receivedOn: display.receivedOn ?? null,
  lastStepAt: new Date(state.lastStepAt),
  submittedAt: display.submittedAt,
  updatedAt: new Date(event.recordedAt),
  lastPosition: event.position,
});
