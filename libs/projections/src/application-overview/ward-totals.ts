import type { EntityManager } from 'typeorm';
import type { WardDashboardRow } from '../ward-dashboard/ward-dashboard.row';
import type { ApplicationOverviewRow } from './application-overview.entity';

const AMOUNTS = ['claimedAmount', 'approvedAmount', 'paidAmount', 'recoveryOrderedAmount', 'recoveredAmount'] as const;

/** A key's move in ward_totals: the dashboard's row, as a difference. */
type Delta = WardDashboardRow;

/** What of an overview row the totals count. */
export type CountedRow = Pick<ApplicationOverviewRow, 'ward' | 'category' | 'status' | (typeof AMOUNTS)[number]>;

/** An application's row before a batch (none: new) and after it. */
export interface WardTotalsMove {
  before: CountedRow | undefined;
  after: CountedRow;
}

/** Only what the totals count: a batch's moves outlive the rows they came from (the overview projection folds a chunk at a time). */
export const totalsOf = (row: CountedRow): CountedRow => ({
  ward: row.ward, category: row.category, status: row.status, claimedAmount: row.claimedAmount, approvedAmount: row.approvedAmount,
  paidAmount: row.paidAmount, recoveryOrderedAmount: row.recoveryOrderedAmount, recoveredAmount: row.recoveredAmount,
});

/**
 * What a batch's changed overview rows move in ward_totals: each row leaves its old ward,
 * category and status and joins its new ones. Keys whose moves cancel out are left out.
 */
export const wardTotalDeltas = (changes: readonly WardTotalsMove[]): Delta[] => {
  const deltas = new Map<string, Delta>();
  const add = (row: CountedRow, sign: 1 | -1) => {
    const key = JSON.stringify([row.ward, row.category, row.status]);
    const delta = deltas.get(key) ?? { ward: row.ward, category: row.category, status: row.status, applications: 0, claimedAmount: 0, approvedAmount: 0, paidAmount: 0, recoveryOrderedAmount: 0, recoveredAmount: 0 };
    delta.applications += sign;
    for (const amount of AMOUNTS) delta[amount] += sign * row[amount];
    deltas.set(key, delta);
  };
  for (const { before, after } of changes) {
    if (before) add(before, -1);
    add(after, 1);
  }
  return [...deltas.values()].filter((delta) => delta.applications !== 0 || AMOUNTS.some((amount) => delta[amount] !== 0));
};

/**
 * Adds a batch's deltas to ward_totals in one statement, then drops the keys left with no
 * application (so the table is the same however the log was cut into batches).
 */
export const applyWardTotals = async (manager: EntityManager, deltas: readonly Delta[]): Promise<void> => {
  if (deltas.length === 0) return;
  await manager.query(
    `INSERT INTO ward_totals AS t (ward, category, status, applications, claimed_amount, approved_amount, paid_amount, recovery_ordered_amount, recovered_amount)
     SELECT d.ward, d.category, d.status, d.applications, d."claimedAmount", d."approvedAmount", d."paidAmount", d."recoveryOrderedAmount", d."recoveredAmount"
       FROM jsonb_to_recordset($1::jsonb) AS d(ward text, category text, status text, applications int, "claimedAmount" bigint, "approvedAmount" bigint,
            "paidAmount" bigint, "recoveryOrderedAmount" bigint, "recoveredAmount" bigint)
     ON CONFLICT (ward, category, status) DO UPDATE SET
       applications = t.applications + EXCLUDED.applications, claimed_amount = t.claimed_amount + EXCLUDED.claimed_amount,
       approved_amount = t.approved_amount + EXCLUDED.approved_amount, paid_amount = t.paid_amount + EXCLUDED.paid_amount,
       recovery_ordered_amount = t.recovery_ordered_amount + EXCLUDED.recovery_ordered_amount, recovered_amount = t.recovered_amount + EXCLUDED.recovered_amount`,
    [JSON.stringify(deltas)],
  );
  const emptied = deltas.filter((delta) => delta.applications < 0);
  if (emptied.length) {
    await manager.query(
      `DELETE FROM ward_totals t USING jsonb_to_recordset($1::jsonb) AS d(ward text, category text, status text)
        WHERE t.ward = d.ward AND t.category = d.category AND t.status = d.status AND t.applications = 0`,
      [JSON.stringify(emptied.map(({ ward, category, status }) => ({ ward, category, status })))],
    );
  }
};
