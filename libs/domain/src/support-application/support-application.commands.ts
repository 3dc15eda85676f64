import type { CommandMetadata } from '../common/domain-event';
import type { Applicant } from './support-application.events';

export interface SubmitSupportApplication {
  type: 'SubmitSupportApplication';
  data: {
    applicationId: string;
    programmeId: string;
    category: string;
    applicant: Applicant;
    claim: Record<string, unknown>;
    /** The day the ward received the dossier (YYYY-MM-DD); today when absent. */
    receivedOn?: string;
  };
  metadata: CommandMetadata;
}

/**
 * Performs the application's next step. `village-review`, `ward-approval` and the generic
 * `steps/{step}` endpoints all become this command: the programme definition, not the
 * endpoint, says what the step is.
 */
export interface PerformSupportStep {
  type: 'PerformSupportStep';
  data: {
    applicationId: string;
    step: string;
    outcome: 'completed' | 'rejected';
    reason?: string;
    reference?: string;
    minutesRef?: string;
    decisionNo?: string;
    approvedMonths?: string[];
    postedFrom?: string;
    postedUntil?: string;
  };
  metadata: CommandMetadata;
}

export interface RecordSupportPayment {
  type: 'RecordSupportPayment';
  data: {
    applicationId: string;
    amount: number;
    method: 'cash' | 'bank' | 'post-office';
    reference: string;
    payee?: string;
    /** Employer loans: each disbursement is one worker's month. */
    worker?: string;
    month?: string;
  };
  metadata: CommandMetadata;
}

export interface WithdrawSupportApplication {
  type: 'WithdrawSupportApplication';
  data: { applicationId: string; reason: string };
  metadata: CommandMetadata;
}

export interface RecordSupportRecovery {
  type: 'RecordSupportRecovery';
  data: { applicationId: string; action: 'ordered' | 'recovered'; amount: number; reason: string };
  metadata: CommandMetadata;
}

export type SupportApplicationCommand =
  | SubmitSupportApplication
  | PerformSupportStep
  | RecordSupportPayment
  | WithdrawSupportApplication
  | RecordSupportRecovery;
