import { InvalidTransition } from '../common/domain-error';
import type { MessageParams } from '../common/domain-error';
import type { CommandMetadata, DomainEvent } from '../common/domain-event';
import { requireRole, requireWard } from '../support-application/permissions';

/**
 * One refusal in an import: the spreadsheet row (as Excel numbers it), the column when known.
 * `message` is a message key the API words in the request's language with `params` (records
 * made before keys were kept hold an English sentence, shown as it is); `applicationId` names
 * the application a returned payment row was refused for.
 */
export interface ImportReportEntry {
  row: number;
  column?: string;
  code: string;
  message: string;
  params?: MessageParams;
  applicationId?: string;
}

/**
 * An intake office's spreadsheet, imported: each row was decided as a single intake (accepted
 * rows are applications with their own events); this records what came of the file. Refused
 * rows keep their cells, so the report can show them with their errors beside them.
 */
export type SupportImportRecorded = DomainEvent<
  'SupportImportRecorded',
  {
    importId: string;
    programmeId: string;
    category: string;
    ward: string;
    receivedOn: string | null;
    fileName: string;
    sha256: string;
    columns: string[];
    rows: number;
    accepted: number;
    refused: number;
    applicationIds: string[];
    acceptedRows: { row: number; applicationId: string }[];
    refusedRows: { row: number; values: string[] }[];
    report: ImportReportEntry[];
    importedBy: string;
    importedAt: string;
  }
>;

export type SupportImportEvent = SupportImportRecorded;

export const SUPPORT_IMPORT_SCHEMA_VERSIONS: Record<SupportImportEvent['type'], number> = { SupportImportRecorded: 1 };

export type SupportImport = { status: 'none' } | { status: 'recorded'; record: SupportImportRecorded['data'] };

export const initialSupportImport = (): SupportImport => ({ status: 'none' });

export const evolveSupportImport = (state: SupportImport, event: SupportImportEvent): SupportImport =>
  event.type === 'SupportImportRecorded' ? { status: 'recorded', record: event.data } : state;

export interface RecordSupportImport {
  type: 'RecordSupportImport';
  data: Omit<SupportImportRecorded['data'], 'importedBy' | 'importedAt'>;
  metadata: CommandMetadata;
}

/** The same file for the same ward is one import: a second record of it is refused. */
export const recordSupportImport = (command: RecordSupportImport, state: SupportImport): SupportImportRecorded => {
  const { data, metadata } = command;
  requireRole(metadata.actor, 'intake-officer', 'a spreadsheet of applications');
  requireWard(metadata.actor, 'intake-officer', data.ward);
  if (state.status !== 'none') throw new InvalidTransition('import.already-imported', { ward: data.ward });
  return { type: 'SupportImportRecorded', data: { ...data, importedBy: metadata.actor.id, importedAt: metadata.now } };
};

/** One payment row the post office or bank returned whose amount is not what is due. */
export interface PaymentMismatch {
  row: number;
  applicationId: string;
  expected: number;
  given: number;
}

/**
 * A returned payment list (the post office's or bank's), imported: each row was a payment
 * decided by the domain on its own; this records what came of the file, mismatches included.
 */
export type PaymentReturnRecorded = DomainEvent<
  'PaymentReturnRecorded',
  {
    importId: string;
    ward: string;
    fileName: string;
    sha256: string;
    rows: number;
    recorded: number;
    refused: number;
    applicationIds: string[];
    mismatches: PaymentMismatch[];
    report: ImportReportEntry[];
    importedBy: string;
    importedAt: string;
  }
>;

export const PAYMENT_RETURN_SCHEMA_VERSIONS: Record<PaymentReturnRecorded['type'], number> = { PaymentReturnRecorded: 1 };

export interface RecordPaymentReturn {
  type: 'RecordPaymentReturn';
  data: Omit<PaymentReturnRecorded['data'], 'importedBy' | 'importedAt'>;
  metadata: CommandMetadata;
}

export const recordPaymentReturn = (command: RecordPaymentReturn, alreadyRecorded: boolean): PaymentReturnRecorded => {
  const { data, metadata } = command;
  requireRole(metadata.actor, 'treasurer', 'a returned payment list');
  requireWard(metadata.actor, 'treasurer', data.ward);
  if (alreadyRecorded) throw new InvalidTransition('payments.already-imported', { ward: data.ward });
  return { type: 'PaymentReturnRecorded', data: { ...data, importedBy: metadata.actor.id, importedAt: metadata.now } };
};
