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

/** How many items have each value of `key`, most first. */
export const countBy = (items: readonly ApplicationSummary[], key: 'status' | 'currentStep'): [string, number][] => {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = item[key];
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
};
