import { randomUUID } from 'node:crypto';
import { EventStore, PostgresEventStore, headOf, type NewEvent } from '@lib/event-store';
import { createEventTypeRegistry } from '@lib/platform';
import { Projector, type Projection } from '@lib/projections';
import type { TestDatabase } from './test-database';

export interface ProjectionTestBed {
  store: EventStore;
  /** Appends events to a stream after what it holds, bypassing decide (a legacy import). */
  append(streamId: string, events: readonly NewEvent[]): Promise<number[]>;
  /** Runs the projections until each has applied every event committed so far. */
  project(): Promise<void>;
}

/** A store on the suite's database and a projector running only the projections under test. */
export const projectionTestBed = (db: TestDatabase, projections: readonly Projection[]): ProjectionTestBed => {
  const store = new PostgresEventStore(db.pool, createEventTypeRegistry());
  const projector = new Projector(store, db.dataSource, projections, { batchSize: 7, pollIntervalMs: 1000 });
  return {
    store,
    append: async (streamId, events) => {
      const commandId = randomUUID();
      const outcome = await store.append({
        commandId,
        recordedAt: '2020-06-01T02:00:00.000Z',
        metadata: { actorId: 'legacy-import', role: null, ward: null, correlationId: commandId, causationId: null },
        appends: [{ streamId, expected: headOf(await store.readStream(streamId)), events: [...events] }],
        result: {},
      });
      return outcome.duplicate ? [] : outcome.positions;
    },
    project: async () => {
      const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM events');
      const deadline = Date.now() + 30_000;
      for (;;) {
        await projector.catchUp();
        const applied = await db.pool.query('SELECT name, events_applied::int AS n FROM projection_checkpoints WHERE name = ANY($1)', [projections.map((p) => p.name)]);
        if (applied.rows.length === projections.length && applied.rows.every((row) => row.n >= rows[0].n)) return;
        if (Date.now() > deadline) throw new Error('projector still behind after 30 s');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
};
