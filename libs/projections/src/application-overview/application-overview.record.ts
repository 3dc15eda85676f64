import type { ApplicationOverviewRow } from './application-overview.entity';

const COLUMNS: Record<keyof ApplicationOverviewRow, string> = {
  applicationId: 'application_id',
  programmeId: 'programme_id',
  programmeVersion: 'programme_version',
  category: 'category',
  ward: 'ward',
  status: 'status',
  currentStep: 'current_step',
  version: 'version',
  applicant: 'applicant',
  claim: 'claim',
  steps: 'steps',
  nextStep: 'next_step',
  performedBy: 'performed_by',
  approvedMonths: 'approved_months',
  claimedAmount: 'claimed_amount',
  approvedAmount: 'approved_amount',
  paidAmount: 'paid_amount',
  recoveryOrderedAmount: 'recovery_ordered_amount',
  recoveredAmount: 'recovered_amount',
  postedUntil: 'posted_until',
  lastStepAt: 'last_step_at',
  submittedAt: 'submitted_at',
  updatedAt: 'updated_at',
  lastPosition: 'last_position',
};

const NUMERIC = new Set<keyof ApplicationOverviewRow>(['claimedAmount', 'approvedAmount', 'paidAmount', 'recoveryOrderedAmount', 'recoveredAmount', 'lastPosition']);
const DATES = new Set<keyof ApplicationOverviewRow>(['lastStepAt', 'submittedAt', 'updatedAt']);

/** A raw `SELECT *` record (snake_case, bigint as text) as the typed row. */
export const overviewFromRecord = (record: Record<string, unknown>): ApplicationOverviewRow => {
  const row: Record<string, unknown> = {};
  for (const [property, column] of Object.entries(COLUMNS) as [keyof ApplicationOverviewRow, string][]) {
    const value = record[column];
    row[property] = NUMERIC.has(property) ? Number(value) : DATES.has(property) ? new Date(value as string) : value;
  }
  return row as unknown as ApplicationOverviewRow;
};

/** The typed row as a JSON record for jsonb_populate_recordset. */
export const overviewToRecord = (row: ApplicationOverviewRow): Record<string, unknown> => {
  const record: Record<string, unknown> = {};
  for (const [property, column] of Object.entries(COLUMNS) as [keyof ApplicationOverviewRow, string][]) {
    const value = row[property];
    record[column] = value instanceof Date ? value.toISOString() : value;
  }
  return record;
};
