import type { EntityManager } from 'typeorm';
import type { ProgrammeCatalog } from '@lib/domain';
import type { StoredEvent } from '@lib/event-store';
import type { Projection } from '../projection';
import { recordMapper } from '../shared/record-mapper';
import type { OverdueStepRow } from './overdue-steps.entity';
import { OVERDUE_EVENT_TYPES, evolveOverdueStep } from './overdue-steps.evolve';

export const overdueStepRecords = recordMapper<OverdueStepRow>([
  'applicationId', 'programmeId', 'programmeVersion', 'category', 'ward', 'version', 'steps', 'stepIndex', 'currentStep',
  'completedOn', 'countedFrom', 'timeLimitWorkingDays', 'dueOn', 'legalBasis',
]);

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
    const current = new Map<string, OverdueStepRow | null>(records.map((record) => [String(record.application_id), overdueStepRecords.fromRecord(record)]));
    const before = new Map(current);
    for (const event of relevant) {
      const id = (event.data as { applicationId: string }).applicationId;
      current.set(id, evolveOverdueStep(current.get(id) ?? null, event, this.programmes));
    }
    const changed = [...current.entries()].filter(([id, row]) => row !== before.get(id));
    const upserts = changed.flatMap(([, row]) => (row ? [row] : []));
    const deletes = changed.flatMap(([id, row]) => (row ? [] : [id]));
    if (deletes.length) await manager.query(`DELETE FROM overdue_steps WHERE application_id = ANY($1::uuid[])`, [deletes]);
    if (upserts.length === 0) return;
    await manager.query(
      `INSERT INTO overdue_steps
       SELECT * FROM jsonb_populate_recordset(NULL::overdue_steps, $1::jsonb)
       ON CONFLICT (application_id) DO UPDATE SET
         version = EXCLUDED.version, step_index = EXCLUDED.step_index, current_step = EXCLUDED.current_step, completed_on = EXCLUDED.completed_on,
         counted_from = EXCLUDED.counted_from, time_limit_working_days = EXCLUDED.time_limit_working_days, due_on = EXCLUDED.due_on,
         legal_basis = EXCLUDED.legal_basis`,
      [JSON.stringify(upserts.map(overdueStepRecords.toRecord))],
    );
  }
}
