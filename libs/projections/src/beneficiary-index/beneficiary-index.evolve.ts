import { citizenIdKey, evolve as evolveApplication, type ActiveApplication, type SupportApplicationEvent } from '@lib/domain';
import type { StoredEvent } from '@lib/event-store';
import { OVERVIEW_EVENT_TYPES } from '../application-overview/application-overview.evolve';
import type { BeneficiaryApplicationRow } from './beneficiary-index.entity';

export const BENEFICIARY_INDEX_EVENT_TYPES: ReadonlySet<string> = OVERVIEW_EVENT_TYPES;

/** Only what the domain's evolve reads for status and amounts; the claim and officers are not kept. */
const toState = (row: BeneficiaryApplicationRow): ActiveApplication => ({
  status: row.status as ActiveApplication['status'],
  applicationId: row.applicationId,
  programmeId: row.programmeId,
  programmeVersion: row.programmeVersion,
  category: row.category,
  ward: row.ward,
  citizenId: row.citizenId,
  claim: { months: row.claimedMonths },
  steps: row.steps,
  nextStep: row.nextStep,
  performedBy: {},
  approvedMonths: row.approvedMonths,
  approvedAmount: row.approvedAmount,
  paidAmount: row.paidAmount,
  recoveryOrderedAmount: row.recoveryOrderedAmount,
  recoveredAmount: row.recoveredAmount,
  creditedAmount: 0,
  supersededBy: null,
  supersedes: [],
  lastStepAt: '',
  postedUntil: null,
});

/**
 * Pure: one application of a person after a stored event. Status and amounts come from the
 * domain's evolve, as in the application overview, so the two read models agree.
 */
export const evolveBeneficiaryApplication = (row: BeneficiaryApplicationRow | null, event: StoredEvent): BeneficiaryApplicationRow | null => {
  if (!BENEFICIARY_INDEX_EVENT_TYPES.has(event.type)) return row;
  const domainEvent = { type: event.type, data: event.data } as SupportApplicationEvent;
  if (domainEvent.type === 'SupportApplicationSubmitted') {
    if (row) return row;
    const { data } = domainEvent;
    return {
      applicationId: data.applicationId,
      // Legacy imports may carry full-width digits or spaces: one person, one key.
      citizenId: citizenIdKey(data.applicant.citizenId) ?? '',
      fullName: data.applicant.fullName,
      dateOfBirth: data.applicant.dateOfBirth ?? null,
      programmeId: data.programmeId,
      programmeVersion: data.programmeVersion,
      category: data.category,
      ward: data.applicant.ward,
      status: 'submitted',
      version: event.streamVersion,
      steps: data.steps,
      nextStep: 1,
      claimedMonths: data.claim.months,
      approvedMonths: null,
      approvedAmount: 0,
      paidAmount: 0,
      recoveryOrderedAmount: 0,
      recoveredAmount: 0,
      payments: [],
      submittedAt: new Date(data.submittedAt),
      updatedAt: new Date(data.submittedAt),
    };
  }
  // Already applied: a replayed event must not count twice.
  if (!row || event.streamVersion <= row.version) return row;
  const state = evolveApplication(toState(row), domainEvent) as ActiveApplication;
  const payments = domainEvent.type === 'SupportApplicationPaid'
    ? [...row.payments, {
        amount: domainEvent.data.amount,
        method: domainEvent.data.method,
        reference: domainEvent.data.reference,
        ...(domainEvent.data.payee ? { payee: domainEvent.data.payee } : {}),
        paidAt: domainEvent.data.paidAt,
        position: event.position,
      }]
    : row.payments;
  return {
    ...row,
    status: state.status,
    version: event.streamVersion,
    nextStep: state.nextStep,
    approvedMonths: state.approvedMonths,
    approvedAmount: state.approvedAmount,
    paidAmount: state.paidAmount,
    recoveryOrderedAmount: state.recoveryOrderedAmount,
    recoveredAmount: state.recoveredAmount,
    payments,
    updatedAt: new Date(event.recordedAt),
  };
};
