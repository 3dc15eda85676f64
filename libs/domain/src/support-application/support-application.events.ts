import type { DomainEvent } from '../common/domain-event';
import type { StepKind } from '../programme/programme-definition';

export interface Applicant {
  citizenId: string;
  fullName: string;
  dateOfBirth: string;
  ward: string;
  address: string;
  phone?: string;
  bankAccount?: string;
}

/** One person of a household claim: each is a beneficiary (NQ 42 pays category 7 per member). */
export interface HouseholdMember {
  citizenId: string;
  fullName: string;
  dateOfBirth: string;
  relation: string;
}

/** One furloughed worker of an employer loan (category 8): the months the loan pays their wages for. */
export interface LoanWorker {
  citizenId: string;
  fullName: string;
  months: string[];
}

/**
 * The claim as filed: the months affected, the household's members where it names them, an
 * employer loan's workers, plus the category's own fields.
 */
export type Claim = { months: string[]; members?: HouseholdMember[]; workers?: LoanWorker[] } & Record<
  string,
  string | number | boolean | string[] | HouseholdMember[] | LoanWorker[] | undefined
>;

export type SupportApplicationSubmitted = DomainEvent<'SupportApplicationSubmitted', {
  applicationId: string;
  programmeId: string;
  programmeVersion: number;
  category: string;
  applicant: Applicant;
  claim: Claim;
  /** rate × claimed months (× members); the approval fixes the amount actually owed. */
  claimedAmount: number;
  /** The day the ward received the dossier: claim dates may not be after it; legal time limits count from it. Absent on older events. */
  receivedOn?: string;
  /** The category's step names in this programme version: the workflow this application follows. */
  steps: string[];
  submittedBy: string;
  submittedAt: string;
}>;

export type SupportApplicationReviewed = DomainEvent<'SupportApplicationReviewed', {
  applicationId: string;
  step: string;
  outcome: 'confirmed';
  minutesRef?: string;
  reason?: string;
  reviewedBy: string;
  reviewedAt: string;
}>;

export type SupportApplicationPosted = DomainEvent<'SupportApplicationPosted', {
  applicationId: string;
  step: string;
  place?: string;
  postedFrom: string;
  postedUntil: string;
  postedBy: string;
  postedAt: string;
}>;

export type SupportApplicationApproved = DomainEvent<'SupportApplicationApproved', {
  applicationId: string;
  step: string;
  approvedMonths: string[];
  approvedAmount: number;
  reason?: string;
  approvedBy: string;
  approvedAt: string;
}>;

export type SupportApplicationDecided = DomainEvent<'SupportApplicationDecided', {
  applicationId: string;
  step: string;
  kind: StepKind;
  decisionNo?: string;
  reference?: string;
  /** The provincial Chairman approves the list and the funds: a decision may narrow the months, and the amount follows. */
  approvedMonths?: string[];
  approvedAmount?: number;
  decidedBy: string;
  decidedAt: string;
}>;

export type SupportApplicationRejected = DomainEvent<'SupportApplicationRejected', {
  applicationId: string;
  step: string;
  reason: string;
  rejectedBy: string;
  rejectedAt: string;
}>;

export type SupportApplicationPaid = DomainEvent<'SupportApplicationPaid', {
  applicationId: string;
  step: string;
  amount: number;
  method: 'cash' | 'bank' | 'post-office';
  reference: string;
  /** Who signed for the money when not the applicant (nhận thay): citizen ID or name on the receipt. */
  payee?: string;
  /** An employer loan is disbursed monthly to each worker: the worker's citizen ID and the month (absent for grants). */
  worker?: string;
  month?: string;
  paidBy: string;
  paidAt: string;
}>;

export type SupportApplicationWithdrawn = DomainEvent<'SupportApplicationWithdrawn', {
  applicationId: string;
  reason: string;
  withdrawnBy: string;
  withdrawnAt: string;
}>;

export type SupportRecoveryOrdered = DomainEvent<'SupportRecoveryOrdered', {
  applicationId: string;
  amount: number;
  reason: string;
  orderedBy: string;
  orderedAt: string;
}>;

export type SupportRecovered = DomainEvent<'SupportRecovered', {
  applicationId: string;
  amount: number;
  reason: string;
  recoveredBy: string;
  recoveredAt: string;
}>;

/**
 * NQ 42, one support, the highest: a later, higher support of the same person closes this one.
 * What was paid stays paid (`keptAmount`, credited to the higher one); the rest is cancelled.
 */
export type SupportApplicationSuperseded = DomainEvent<'SupportApplicationSuperseded', {
  applicationId: string;
  supersededBy: string;
  keptAmount: number;
  cancelledAmount: number;
  supersededAt: string;
}>;

/** The higher support pays only the difference: what the person already received under `supersedes`. */
export type SupportApplicationCredited = DomainEvent<'SupportApplicationCredited', {
  applicationId: string;
  supersedes: string;
  creditedAmount: number;
  creditedAt: string;
}>;

/**
 * One member's share leaves a household application: the member holds an equal or higher
 * support of their own (`holds-higher-support`, at approval), or a later higher support of
 * theirs superseded the share (`superseded`). What was paid of the share is kept.
 */
export type SupportApplicationMemberExcluded = DomainEvent<'SupportApplicationMemberExcluded', {
  applicationId: string;
  citizenId: string;
  reason: 'holds-higher-support' | 'superseded';
  supersededBy?: string;
  share: number;
  keptAmount: number;
  cancelledAmount: number;
  excludedAt: string;
}>;

export type SupportApplicationEvent =
  | SupportApplicationSubmitted
  | SupportApplicationReviewed
  | SupportApplicationPosted
  | SupportApplicationApproved
  | SupportApplicationDecided
  | SupportApplicationRejected
  | SupportApplicationPaid
  | SupportApplicationWithdrawn
  | SupportRecoveryOrdered
  | SupportRecovered
  | SupportApplicationSuperseded
  | SupportApplicationCredited
  | SupportApplicationMemberExcluded;

/** Current schema version of each stored type; raise it with an upcaster when a shape changes. */
export const SUPPORT_APPLICATION_SCHEMA_VERSIONS: Record<SupportApplicationEvent['type'], number> = {
  SupportApplicationSubmitted: 1,
  SupportApplicationReviewed: 2,
  SupportApplicationPosted: 1,
  SupportApplicationApproved: 1,
  SupportApplicationDecided: 1,
  SupportApplicationRejected: 1,
  SupportApplicationPaid: 1,
  SupportApplicationWithdrawn: 1,
  SupportRecoveryOrdered: 1,
  SupportRecovered: 1,
  SupportApplicationSuperseded: 1,
  SupportApplicationCredited: 1,
  SupportApplicationMemberExcluded: 1,
};
