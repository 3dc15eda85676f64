import type { HistoryEvent } from '../../api/types';
import { formatDate, formatMoney, formatMonths } from '../../i18n/format';

/** What an event did, in a few words: its step, amount, months, reference or posting dates. */
export const eventSummary = (event: HistoryEvent, step: (name: string) => string): string => {
  const data = event.data;
  const parts: string[] = [];
  if (typeof data.step === 'string') parts.push(step(data.step));
  if (typeof data.amount === 'number') parts.push(formatMoney(data.amount));
  if (typeof data.approvedAmount === 'number') parts.push(formatMoney(data.approvedAmount));
  if (Array.isArray(data.approvedMonths)) parts.push(formatMonths(data.approvedMonths.map(String)));
  for (const key of ['decisionNo', 'reference', 'minutesRef', 'place', 'reason']) if (typeof data[key] === 'string') parts.push(String(data[key]));
  if (typeof data.postedFrom === 'string') parts.push(`${formatDate(data.postedFrom)} → ${formatDate(String(data.postedUntil ?? ''))}`);
  return parts.join(' · ');
};
