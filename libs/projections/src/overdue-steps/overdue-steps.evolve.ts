import { addWorkingDays, findCategory, localDate, type ProgrammeCatalog } from '@lib/domain';
import type { StoredEvent } from '@lib/event-store';
import type { OverdueStepRow } from './overdue-steps.entity';

const ADVANCES = new Set(['SupportApplicationReviewed', 'SupportApplicationPosted', 'SupportApplicationApproved', 'SupportApplicationDecided']);
const CLOSES = new Set(['SupportApplicationRejected', 'SupportApplicationWithdrawn', 'SupportApplicationPaid']);
export const OVERDUE_EVENT_TYPES: ReadonlySet<string> = new Set(['SupportApplicationSubmitted', ...ADVANCES, ...CLOSES]);

const AT_FIELD: Record<string, string> = {
  SupportApplicationSubmitted: 'submittedAt',
  SupportApplicationReviewed: 'reviewedAt',
  SupportApplicationPosted: 'postedAt',
  SupportApplicationApproved: 'approvedAt',
  SupportApplicationDecided: 'decidedAt',
};

/**
 * The awaited step's deadline: its limit in working days (holidays of the programme's calendar
 * excluded) counted from the previous step's completion, or from `countFrom` (QĐ 15: the
 * commune's 5 days run from intake).
 */
const withDeadline = (row: Omit<OverdueStepRow, 'currentStep' | 'countedFrom' | 'timeLimitWorkingDays' | 'dueOn' | 'legalBasis'>, programmes: ProgrammeCatalog): OverdueStepRow | null => {
  const currentStep = row.steps[row.stepIndex];
  const programme = programmes(row.programmeId, row.programmeVersion);
  const definition = programme && findCategory(programme, row.category)?.steps.find((step) => step.name === currentStep);
  if (!currentStep || !programme) return null;
  const previous = row.steps[row.stepIndex - 1];
  const countedFrom = row.completedOn[definition?.countFrom ?? previous] ?? row.completedOn[previous];
  const limit = definition?.timeLimitWorkingDays ?? null;
  return {
    ...row,
    currentStep,
    countedFrom,
    timeLimitWorkingDays: limit,
    dueOn: limit === null ? null : addWorkingDays(countedFrom, limit, programme.calendar),
    legalBasis: definition?.legalBasis ?? null,
  };
};

/** Pure: the open application's row after an event; null once it is closed (paid, rejected, withdrawn). */
export const evolveOverdueStep = (row: OverdueStepRow | null, event: StoredEvent, programmes: ProgrammeCatalog): OverdueStepRow | null => {
  const data = event.data as Record<string, unknown>;
  if (event.type === 'SupportApplicationSubmitted') {
    if (row) return row;
    const programme = programmes(String(data.programmeId), Number(data.programmeVersion));
    const steps = data.steps as string[];
    if (!programme) return null;
    return withDeadline({
      applicationId: String(data.applicationId),
      programmeId: String(data.programmeId),
      programmeVersion: Number(data.programmeVersion),
      category: String(data.category),
      ward: (data.applicant as { ward: string }).ward,
      version: event.streamVersion,
      steps,
      stepIndex: 1,
      // Legal time limits count from the day the ward received the dossier, where it was recorded.
      completedOn: { [steps[0] ?? 'intake']: typeof data.receivedOn === 'string' ? data.receivedOn : localDate(String(data.submittedAt), programme.calendar) },
    }, programmes);
  }
  if (!row || event.streamVersion <= row.version) return row;
  if (CLOSES.has(event.type)) return null;
  if (!ADVANCES.has(event.type)) return row;
  const calendar = programmes(row.programmeId, row.programmeVersion)?.calendar;
  if (!calendar) return row;
  const completedOn = { ...row.completedOn, [String(data.step)]: localDate(String(data[AT_FIELD[event.type]]), calendar) };
  return withDeadline({ ...row, version: event.streamVersion, stepIndex: row.stepIndex + 1, completedOn }, programmes);
};
