import type { ApplicationOverviewRow } from '../application-overview/application-overview.entity';

export interface DashboardDelta {
  ward: string;
  category: string;
  status: string;
  applications: number;
  claimedAmount: number;
  approvedAmount: number;
  paidAmount: number;
  recoveredAmount: number;
}

type Amounts = Pick<ApplicationOverviewRow, 'ward' | 'category' | 'status' | 'claimedAmount' | 'approvedAmount' | 'paidAmount' | 'recoveredAmount'>;

const contribution = (row: Amounts, sign: 1 | -1): DashboardDelta => ({
  ward: row.ward,
  category: row.category,
  status: row.status,
  applications: sign,
  claimedAmount: sign * row.claimedAmount,
  approvedAmount: sign * row.approvedAmount,
  paidAmount: sign * row.paidAmount,
  recoveredAmount: sign * row.recoveredAmount,
});

/**
 * Pure: what one application's change does to its ward's counters: its old contribution
 * leaves its old bucket and its new one joins the new bucket. Deltas of one batch are summed
 * per bucket so each bucket is written once.
 */
export const dashboardDeltas = (changes: readonly { before: Amounts | null; after: Amounts }[]): DashboardDelta[] => {
  const buckets = new Map<string, DashboardDelta>();
  const add = (delta: DashboardDelta) => {
    const key = `${delta.ward}\u0000${delta.category}\u0000${delta.status}`;
    const sum = buckets.get(key);
    if (!sum) return void buckets.set(key, { ...delta });
    sum.applications += delta.applications;
    sum.claimedAmount += delta.claimedAmount;
    sum.approvedAmount += delta.approvedAmount;
    sum.paidAmount += delta.paidAmount;
    sum.recoveredAmount += delta.recoveredAmount;
  };
  for (const { before, after } of changes) {
    if (before) add(contribution(before, -1));
    add(contribution(after, 1));
  }
  return [...buckets.values()].filter(
    (d) => d.applications !== 0 || d.claimedAmount !== 0 || d.approvedAmount !== 0 || d.paidAmount !== 0 || d.recoveredAmount !== 0,
  );
};
