import type { EntityManager } from 'typeorm';
import type { ProgrammeCatalog } from '@lib/domain';
import type { StoredEvent } from '@lib/event-store';
import type { Projection } from '../projection';
import { applicationChunks, changedRows, eventsByApplication } from '../common/by-application';
import { RowTable, UPSERT_CHUNK_ROWS } from '../common/row-table';
import { OverdueStepRow } from './overdue-steps.entity';
import { OVERDUE_EVENT_TYPES, evolveOverdueStep } from './overdue-steps.evolve';

export const overdueStepsTable = new RowTable('overdue_steps', OverdueStepRow);

/**
 * Each open application with the step it awaits and that step's legal due date. Whether it is
 * overdue depends on the day one asks, so the query compares `due_on` with a given date.
 */
export class OverdueStepsProjection implements Projection {
  readonly name = 'overdue-steps';
  readonly version = 1;
  readonly handles = OVERDUE_EVENT_TYPES;
  readonly tables = ['overdue_steps'];

  /** `chunkRows`: applications read, folded and written at a time (by-application.ts). */
  constructor(private readonly programmes: ProgrammeCatalog, private readonly chunkRows = UPSERT_CHUNK_ROWS) {}

  async apply(manager: EntityManager, events: readonly StoredEvent[]): Promise<void> {
    const byApplication = eventsByApplication(events, this.handles);
    for (const ids of applicationChunks(byApplication, this.chunkRows)) {
      const records: Record<string, unknown>[] = await manager.query(
        `SELECT *, counted_from::text AS counted_from, due_on::text AS due_on FROM overdue_steps WHERE application_id = ANY($1::uuid[])`,
        [ids],
      );
      const before = new Map(records.map((record) => [String(record.application_id), overdueStepsTable.fromRecord(record)] as const));
      const changes = changedRows(ids, byApplication, before, (row, event) => evolveOverdueStep(row, event, this.programmes));
      const upserts = changes.flatMap(({ after }) => (after ? [after] : []));
      const deletes = changes.flatMap(({ id, after }) => (after ? [] : [id]));
      if (deletes.length) await manager.query(`DELETE FROM overdue_steps WHERE application_id = ANY($1::uuid[])`, [deletes]);
      await overdueStepsTable.upsert(manager, upserts, this.chunkRows);
    }
  }
}
