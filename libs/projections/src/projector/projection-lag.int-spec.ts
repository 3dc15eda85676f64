import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@lib/event-store';
import { createEventTypeRegistry } from '@lib/platform';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { measureProjectionLag } from './projection-lag';

describe('Projection lag', () => {
  let db: TestDatabase;
  const YEAR = 365 * 24 * 3600;

  beforeAll(async () => {
    db = await createTestDatabase('projection_lag');
    const store = new PostgresEventStore(db.pool, createEventTypeRegistry());
    // Three events recorded in 2020, as an import of old records would be.
    for (let n = 0; n < 3; n += 1) {
      await store.append({
        commandId: randomUUID(),
        recordedAt: '2020-05-18T02:00:00.000Z',
        metadata: { actorId: 'import', role: null, ward: null, correlationId: 'c', causationId: null },
        appends: [{ streamId: `support-application-${randomUUID()}`, expected: { version: 0, hash: null }, events: [{ type: 'SupportApplicationWithdrawn', data: { reason: 'import' } }] }],
        result: {},
      });
    }
  });
  afterAll(() => db.drop());

  it('counts a projection that never ran from position zero, waiting since the oldest event', async () => {
    const [lag] = await measureProjectionLag(db.pool, ['never-ran']);
    expect(lag).toMatchObject({ projection: 'never-ran', events: 3 });
    expect(lag.seconds).toBeGreaterThan(YEAR);
  });

  it('counts a working projector\'s wait from its last move, not from a backdated recording', async () => {
    const [second] = (await db.pool.query(`SELECT transaction_id::text AS t, global_position AS p FROM events ORDER BY global_position OFFSET 1 LIMIT 1`)).rows;
    await db.pool.query(`INSERT INTO projection_checkpoints (name, version, transaction_id, position, events_applied, updated_at) VALUES ('working', 1, $1::xid8, $2, 2, now())`, [second.t, second.p]);
    const [lag] = await measureProjectionLag(db.pool, ['working']);
    expect(lag.events).toBe(1);
    expect(lag.seconds).toBeLessThan(YEAR);
  });

  it('is zero for a projection that has applied everything, and ignores checkpoints it was not asked about', async () => {
    const [last] = (await db.pool.query(`SELECT transaction_id::text AS t, global_position AS p FROM events ORDER BY global_position DESC LIMIT 1`)).rows;
    await db.pool.query(`INSERT INTO projection_checkpoints (name, version, transaction_id, position, events_applied) VALUES ('done', 1, $1::xid8, $2, 3)`, [last.t, last.p]);
    expect(await measureProjectionLag(db.pool, ['done'])).toEqual([{ projection: 'done', events: 0, seconds: 0 }]);
  });
});
