import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '@lib/event-store';
import type { Projection } from '../projection';
import { applicationChunks, changedRows, eventsByApplication } from '../common/by-application';
import { RowTable, UPSERT_CHUNK_ROWS } from '../common/row-table';
import { ApplicationOverviewRow } from './application-overview.entity';
import { OVERVIEW_EVENT_TYPES, evolveOverview } from './application-overview.evolve';
import { applyWardTotals, totalsOf, wardTotalDeltas, type WardTotalsMove } from './ward-totals';

export const applicationOverviewTable = new RowTable('application_overview', ApplicationOverviewRow);

/**
 * Where each application stands, one row per application, and the ward dashboard's totals
 * over them. Per batch: one read of the rows touched and one upsert of those that changed (a
 * chunk of applications at a time), one of what they moved in the totals.
 */
export class ApplicationOverviewProjection implements Projection {
  readonly name = 'application-overview';
  readonly version = 1;
  readonly handles = OVERVIEW_EVENT_TYPES;
  readonly tables = ['application_overview', 'ward_totals'];

  /** `chunkRows`: applications read, folded and written at a time (by-application.ts). */
  constructor(private readonly chunkRows = UPSERT_CHUNK_ROWS) {}

  async apply(manager: EntityManager, events: readonly StoredEvent[]): Promise<void> {
    const byApplication = eventsByApplication(events, this.handles);
    const moves: WardTotalsMove[] = [];
    for (const ids of applicationChunks(byApplication, this.chunkRows)) {
      const records: Record<string, unknown>[] = await manager.query(`SELECT * FROM application_overview WHERE application_id = ANY($1::uuid[])`, [ids]);
      const before = new Map(records.map((record) => {
        const row = applicationOverviewTable.fromRecord(record);
        return [row.applicationId, row] as const;
      }));
      const changed: ApplicationOverviewRow[] = [];
      for (const { before: was, after } of changedRows(ids, byApplication, before, (row, event) => evolveOverview(row, event) ?? row)) {
        changed.push(after!);
        moves.push({ before: was ? totalsOf(was) : undefined, after: totalsOf(after!) });
      }
      await applicationOverviewTable.upsert(manager, changed, this.chunkRows);
    }
    await applyWardTotals(manager, wardTotalDeltas(moves));
  }
}
