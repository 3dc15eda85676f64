import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PostgresEventStore, type StoredEvent } from '@lib/event-store';
import { createEventTypeRegistry } from '@lib/platform';
import { waitForHorizon } from '@lib/event-store/testing/store-fixtures';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createDataSource } from '../database/data-source';
import type { Projection } from '../projection';
import { Projector } from './projector';

jest.setTimeout(60_000);

const EVENTS = 300;

/** Records each event it applies in a table keyed by event id: applied twice, the batch fails. */
const recording: Projection = {
  name: 'race-recorder',
  version: 1,
  handles: new Set(['SupportApplicationWithdrawn']),
  tables: ['race_seen'],
  apply: async (manager, events: readonly StoredEvent[]) => {
    await manager.query('INSERT INTO race_seen (event_id) SELECT unnest($1::uuid[])', [events.map((event) => event.eventId)]);
  },
};

/**
 * Two projector processes start on a projection that has no checkpoint row yet: both find none,
 * one creates it, and from then on each batch is applied by exactly one of them.
 */
describe('Projector: two processes on a projection with no checkpoint yet', () => {
  let db: TestDatabase;
  let second: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('projector_race', 6);
    await db.pool.query('CREATE TABLE race_seen (event_id uuid PRIMARY KEY)');
    second = createDataSource(db.url, 2);
    await second.initialize();
    const store = new PostgresEventStore(db.pool, createEventTypeRegistry());
    for (let start = 0; start < EVENTS; start += 30) {
      await store.append({
        commandId: randomUUID(),
        recordedAt: '2020-05-18T02:00:00.000Z',
        metadata: { actorId: 'officer', role: null, ward: null, correlationId: 'c', causationId: null },
        appends: Array.from({ length: 30 }, () => ({
          streamId: `support-application-${randomUUID()}`,
          expected: { version: 0, hash: null },
          events: [{ type: 'SupportApplicationWithdrawn', data: { reason: 'test' } }],
        })),
        result: {},
      });
    }
    // Another suite's open transaction (the server is shared) holds the log's horizon back: wait until all 300 are readable.
    await waitForHorizon(db.pool);
  });
  afterAll(async () => {
    await second?.destroy();
    await db?.drop();
  });

  it('applies every event once, whichever process wins each batch, and both end at the head', async () => {
    const errors: unknown[] = [];
    const store = new PostgresEventStore(db.pool, createEventTypeRegistry());
    const projectors = [db.dataSource, second].map(
      (dataSource) => new Projector(store, dataSource, [recording], { batchSize: 20, pollIntervalMs: 3_600_000, parallel: 1, onError: (error) => errors.push(error) }),
    );
    await Promise.all(projectors.map((projector) => projector.catchUp()));
    // Whoever lost a race for a batch went back to the checkpoint; one more pass each finds nothing left.
    await Promise.all(projectors.map((projector) => projector.catchUp()));
    expect(errors).toEqual([]);
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM race_seen');
    expect(rows[0].n).toBe(EVENTS);
    const checkpoint = await db.pool.query(`SELECT events_applied::int FROM projection_checkpoints WHERE name = 'race-recorder'`);
    expect(checkpoint.rows).toEqual([{ events_applied: EVENTS }]);
  });
});
