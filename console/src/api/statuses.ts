import type { ApplicationStatus } from './types';

/** The statuses in the workflow's order, for filters and charts. */
export const STATUS_ORDER: readonly ApplicationStatus[] = ['submitted', 'in-progress', 'approved', 'paid', 'rejected', 'withdrawn', 'recovery-ordered', 'recovered', 'superseded'];

export const byStatusOrder = (a: string, b: string): number => STATUS_ORDER.indexOf(a as ApplicationStatus) - STATUS_ORDER.indexOf(b as ApplicationStatus);
