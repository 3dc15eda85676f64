import type { EntityManager } from 'typeorm';
import type { ProgrammeCatalog } from '@lib/domain';
import type { StoredEvent } from '@lib/event-store';
import type { Projection } from '../projection';
import { RowTable } from '../common/row-table';
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

  constructor(private readonly programmes: ProgrammeCatalog) {}

  async apply(manager: EntityManager, events: readonly StoredEvent[]): Promise<void> {
    const relevant = events.filter((event) => this.handles.has(event.type));
    if (relevant.length === 0) return;
    const ids = [...new Set(relevant.map((event) => (event.data as { applicationId: string }).applicationId))];
    const records: Record<string, unknown>[] = await manager.query(
      `SELECT *, counted_from::text AS counted_from, due_on::text AS due_on FROM overdue_steps WHERE application_id = ANY($1::uuid[])`,
      [ids],
    );
    const current = new Map<string, OverdueStepRow | null>(records.map((record) => [String(record.application_id), overdueStepsTable.fromRecord(record)]));
    const before = new Map(current);
    for (const event of relevant) {
      const id = (event.data as { applicationId: string }).applicationId;
      current.set(id, evolveOverdueStep(current.get(id) ?? null, event, this.programmes));
    }
    const changed = [...current.entries()].filter(([id, row]) => row !== before.get(id));
    const upserts = changed.flatMap(([, row]) => (row ? [row] : []));
    const deletes = changed.flatMap(([id, row]) => (row ? [] : [id]));
    if (deletes.length) await manager.query(`DELETE FROM overdue_steps WHERE application_id = ANY($1::uuid[])`, [deletes]);
    await overdueStepsTable.upsert(manager, upserts);
  }
}
