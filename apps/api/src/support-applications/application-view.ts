import type { StoredEvent } from '@lib/event-store';
import { amountDue } from '@lib/domain';
import type { ApplicationOverviewRow } from '@lib/projections';

/** GET /applications/{id} (API.md), with the claim and step detail a case page needs. */
export const applicationView = (row: ApplicationOverviewRow) => ({
  id: row.applicationId,
  programme: row.programmeId,
  programmeVersion: row.programmeVersion,
  category: row.category,
  ward: row.ward,
  status: row.status,
  currentStep: row.currentStep,
  steps: row.steps,
  version: row.version,
  applicant: row.applicant,
  claim: row.claim,
  claimedAmount: row.claimedAmount,
  approvedMonths: row.approvedMonths,
  approvedAmount: row.approvedAmount,
  paidAmount: row.paidAmount,
  recoveryOrderedAmount: row.recoveryOrderedAmount,
  recoveredAmount: row.recoveredAmount,
  // What a payment must equal now: the approved amount less what was paid here or under a superseded lower support.
  amountDue: amountDue({ ...row, creditedAmount: row.creditedAmount, citizenId: row.applicant.citizenId, lastStepAt: '' }),
  creditedAmount: row.creditedAmount,
  supersededBy: row.supersededBy,
  supersedes: row.supersedes,
  receivedOn: row.receivedOn,
  submittedAt: new Date(row.submittedAt).toISOString(),
  updatedAt: new Date(row.updatedAt).toISOString(),
});

export const summaryView = (row: ApplicationOverviewRow) => ({
  id: row.applicationId,
  programme: row.programmeId,
  category: row.category,
  ward: row.ward,
  status: row.status,
  currentStep: row.currentStep,
  version: row.version,
  fullName: row.applicant.fullName,
  approvedAmount: row.approvedAmount,
  paidAmount: row.paidAmount,
  submittedAt: new Date(row.submittedAt).toISOString(),
  updatedAt: new Date(row.updatedAt).toISOString(),
});

/**
 * GET /applications/{id}/history. eventId, streamId, schemaVersion (as stored) and, for upcast
 * events, storedData are what each hash covers (libs/event-store/src/hash-chain.ts), so a
 * reader such as the console can re-check the chain from this response alone.
 */
export const historyView = (event: StoredEvent) => ({
  eventId: event.eventId,
  streamId: event.streamId,
  position: event.position,
  version: event.streamVersion,
  type: event.type,
  schemaVersion: event.storedSchemaVersion,
  data: event.data,
  metadata: event.metadata,
  recordedAt: event.recordedAt,
  hash: event.hash,
  ...(event.storedData === undefined ? {} : { storedData: event.storedData }),
});
