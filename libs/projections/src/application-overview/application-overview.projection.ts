import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '@lib/event-store';
import type { Projection } from '../projection';
import { dashboardDeltas } from '../ward-dashboard/ward-dashboard.delta';
import type { ApplicationOverviewRow } from './application-overview.entity';
import { OVERVIEW_EVENT_TYPES, evolveOverview } from './application-overview.evolve';
import { overviewFromRecord, overviewToRecord } from './application-overview.record';

/**
 * Application overview and the ward dashboard, kept together: the dashboard's counters move
 * by each overview row's change, in the same transaction, so the two never disagree.
 * Per batch: one read of the rows touched, one upsert of them, one upsert of the counters.
 */
export class ApplicationOverviewProjection implements Projection {
  readonly name = 'application-overview';
  readonly version = 1;
  readonly handles = OVERVIEW_EVENT_TYPES;
  readonly tables = ['application_overview', 'ward_dashboard'];

  async apply(manager: EntityManager, events: readonly StoredEvent[]): Promise<void> {
    const relevant = events.filter((event) => this.handles.has(event.type));
    if (relevant.length === 0) return;
    const ids = [...new Set(relevant.map((event) => (event.data as { applicationId: string }).applicationId))];
    const records = await manager.query(`SELECT * FROM application_overview WHERE application_id = ANY($1::uuid[])`, [ids]);
    const before = new Map<string, ApplicationOverviewRow>(records.map((record: Record<string, unknown>) => {
      const row = overviewFromRecord(record);
      return [row.applicationId, row];
    }));
    const current = new Map(before);
    for (const event of relevant) {
      const id = (event.data as { applicationId: string }).applicationId;
      const next = evolveOverview(current.get(id) ?? null, event);
      if (next) current.set(id, next);
    }
    const changed = [...current.values()].filter((row) => row !== before.get(row.applicationId));
    if (changed.length === 0) return;
    await manager.query(
      `INSERT INTO application_overview
       SELECT * FROM jsonb_populate_recordset(NULL::application_overview, $1::jsonb)
       ON CONFLICT (application_id) DO UPDATE SET
         status = EXCLUDED.status, current_step = EXCLUDED.current_step, version = EXCLUDED.version,
         claim = EXCLUDED.claim, next_step = EXCLUDED.next_step, performed_by = EXCLUDED.performed_by,
         approved_months = EXCLUDED.approved_months, approved_amount = EXCLUDED.approved_amount,
         paid_amount = EXCLUDED.paid_amount, recovery_ordered_amount = EXCLUDED.recovery_ordered_amount,
         recovered_amount = EXCLUDED.recovered_amount, posted_until = EXCLUDED.posted_until,
         last_step_at = EXCLUDED.last_step_at, updated_at = EXCLUDED.updated_at, last_position = EXCLUDED.last_position`,
      [JSON.stringify(changed.map(overviewToRecord))],
    );
    const deltas = dashboardDeltas(changed.map((after) => ({ before: before.get(after.applicationId) ?? null, after })));
    if (deltas.length === 0) return;
    await manager.query(
      `INSERT INTO ward_dashboard AS d (ward, category, status, applications, claimed_amount, approved_amount, paid_amount, recovered_amount)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[])
       ON CONFLICT (ward, category, status) DO UPDATE SET
         applications = d.applications + EXCLUDED.applications,
         claimed_amount = d.claimed_amount + EXCLUDED.claimed_amount,
         approved_amount = d.approved_amount + EXCLUDED.approved_amount,
         paid_amount = d.paid_amount + EXCLUDED.paid_amount,
         recovered_amount = d.recovered_amount + EXCLUDED.recovered_amount`,
      [
        deltas.map((d) => d.ward), deltas.map((d) => d.category), deltas.map((d) => d.status), deltas.map((d) => d.applications),
        deltas.map((d) => d.claimedAmount), deltas.map((d) => d.approvedAmount), deltas.map((d) => d.paidAmount), deltas.map((d) => d.recoveredAmount),
      ],
    );
  }
}
