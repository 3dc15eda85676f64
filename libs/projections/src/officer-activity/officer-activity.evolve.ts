import { localDate } from '@lib/domain';
import type { StoredEvent } from '@lib/event-store';

export interface OfficerAction {
  officerId: string;
  day: string;
  step: string;
  action: string;
  amount: number;
}

type Data = Record<string, unknown>;

/** Event type → the action it records and where its officer, time and step are. */
const ACTIONS: Record<string, { action: string; by: string; at: string; step: (data: Data) => string; amount?: boolean }> = {
  SupportApplicationSubmitted: { action: 'submitted', by: 'submittedBy', at: 'submittedAt', step: (data) => (data.steps as string[] | undefined)?.[0] ?? 'intake' },
  SupportApplicationReviewed: { action: 'reviewed', by: 'reviewedBy', at: 'reviewedAt', step: (data) => String(data.step) },
  SupportApplicationPosted: { action: 'posted', by: 'postedBy', at: 'postedAt', step: (data) => String(data.step) },
  SupportApplicationApproved: { action: 'approved', by: 'approvedBy', at: 'approvedAt', step: (data) => String(data.step) },
  SupportApplicationDecided: { action: 'decided', by: 'decidedBy', at: 'decidedAt', step: (data) => String(data.step) },
  SupportApplicationRejected: { action: 'rejected', by: 'rejectedBy', at: 'rejectedAt', step: (data) => String(data.step) },
  SupportApplicationPaid: { action: 'paid', by: 'paidBy', at: 'paidAt', step: (data) => String(data.step), amount: true },
  SupportApplicationWithdrawn: { action: 'withdrawn', by: 'withdrawnBy', at: 'withdrawnAt', step: () => 'withdrawal' },
  SupportRecoveryOrdered: { action: 'recovery-ordered', by: 'orderedBy', at: 'orderedAt', step: () => 'recovery', amount: true },
  SupportRecovered: { action: 'recovered', by: 'recoveredBy', at: 'recoveredAt', step: () => 'recovery', amount: true },
  FraudAlertConfirmed: { action: 'alert-confirmed', by: 'confirmedBy', at: 'confirmedAt', step: () => 'alert-resolution' },
  FraudAlertDismissed: { action: 'alert-dismissed', by: 'dismissedBy', at: 'dismissedAt', step: () => 'alert-resolution' },
};

export const OFFICER_ACTIVITY_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(ACTIONS));

/**
 * Pure: the officer action an event records. The officer and time come from the event's own
 * `<verb>By`/`<verb>At`, the business facts, not from the append metadata (a bulk import
 * appends many officers' work in one request).
 */
export const officerActionOf = (event: Pick<StoredEvent, 'type' | 'data'>, utcOffsetMinutes: number): OfficerAction | null => {
  const spec = ACTIONS[event.type];
  if (!spec) return null;
  const data = event.data as Data;
  const officerId = data[spec.by];
  const at = data[spec.at];
  if (typeof officerId !== 'string' || typeof at !== 'string' || Number.isNaN(Date.parse(at))) return null;
  return {
    officerId,
    day: localDate(at, { holidays: [], utcOffsetMinutes }),
    step: spec.step(data),
    action: spec.action,
    amount: spec.amount ? Number(data.amount) || 0 : 0,
  };
};

/** Actions of a batch summed per (officer, day, step, action), so each counter is written once. */
export const sumActions = (actions: readonly OfficerAction[]): (OfficerAction & { count: number })[] => {
  const sums = new Map<string, OfficerAction & { count: number }>();
  for (const action of actions) {
    const key = [action.officerId, action.day, action.step, action.action].join('\u0000');
    const sum = sums.get(key);
    if (sum) {
      sum.count += 1;
      sum.amount += action.amount;
    } else sums.set(key, { ...action, count: 1 });
  }
  return [...sums.values()];
};
