import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '@lib/event-store';
import type { Projection } from '../projection';
import { RowTable } from '../common/row-table';
import { ApplicationOverviewRow } from './application-overview.entity';
import { OVERVIEW_EVENT_TYPES, evolveOverview } from './application-overview.evolve';
import { applyWardTotals, wardTotalDeltas } from './ward-totals';

export const applicationOverviewTable = new RowTable('application_overview', ApplicationOverviewRow);

/**
 * Where each application stands, one row per application, and the ward dashboard's totals
 * over them. Per batch: one read of the rows touched, one upsert of those that changed, one
 * of what they moved in the totals.
 */
export class ApplicationOverviewProjection implements Projection {
  readonly name = 'application-overview';
  readonly version = 1;
  readonly handles = OVERVIEW_EVENT_TYPES;
  readonly tables = ['application_overview', 'ward_totals'];

  async apply(manager: EntityManager, events: readonly StoredEvent[]): Promise<void> {
    const relevant = events.filter((event) => this.handles.has(event.type));
    if (relevant.length === 0) return;
    const ids = [...new Set(relevant.map((event) => (event.data as { applicationId: string }).applicationId))];
    const records = await manager.query(`SELECT * FROM application_overview WHERE application_id = ANY($1::uuid[])`, [ids]);
    const before = new Map<string, ApplicationOverviewRow>(records.map((record: Record<string, unknown>) => {
      const row = applicationOverviewTable.fromRecord(record);
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
    await applicationOverviewTable.upsert(manager, changed);
    await applyWardTotals(manager, wardTotalDeltas(changed.map((after) => ({ before: before.get(after.applicationId), after }))));
  }
}
