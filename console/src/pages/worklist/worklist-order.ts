import { byStatusOrder } from '../../api/statuses';
import type { ApplicationSummary, OverdueItem } from '../../api/types';

/** Overdue first (longest overdue first), then what awaits my role, then the oldest submitted. */
export const worklistOrder = (overdue: ReadonlyMap<string, OverdueItem>, awaitsMe: (item: ApplicationSummary) => boolean) => (a: ApplicationSummary, b: ApplicationSummary): number => {
  const dueA = overdue.get(a.id)?.dueOn ?? null;
  const dueB = overdue.get(b.id)?.dueOn ?? null;
  if (!!dueA !== !!dueB) return dueA ? -1 : 1;
  if (dueA && dueB && dueA !== dueB) return dueA < dueB ? -1 : 1;
  if (awaitsMe(a) !== awaitsMe(b)) return awaitsMe(a) ? -1 : 1;
  return a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0;
};

/** The dashboard's counts by status, in the workflow's order. */
export const statusCounts = (counts: Record<string, number>): [string, number][] =>
  Object.entries(counts).sort((a, b) => byStatusOrder(a[0], b[0]));

/** The awaited steps on the page, for the step filter. */
export const stepsOn = (items: readonly ApplicationSummary[]): string[] => [...new Set(items.map((item) => item.currentStep).filter((step): step is string => !!step))];
