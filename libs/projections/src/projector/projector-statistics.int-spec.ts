import { PostgresEventStore } from '@lib/event-store';
import { createEventTypeRegistry } from '@lib/platform';
import { appendWithdrawals, createTestDatabase, untilReadable, type TestDatabase } from '@lib/testing';
import type { Projection } from '../projection';
import { Projector } from './projector';

jest.setTimeout(60_000);

/** One row per event in a table of its own, written as a real projection writes. */
const counting = (table: string): Projection => ({
  name: `statistics-${table}`,
  version: 1,
  handles: new Set(['SupportApplicationWithdrawn']),
  tables: [table],
  apply: async (manager, events) => {
    await manager.query(`INSERT INTO ${table} (event_id) SELECT unnest($1::uuid[])`, [events.map((event) => event.eventId)]);
  },
});

/** What the planner believes of the table: -1 until it has been analysed once. */
const plannedRows = async (db: TestDatabase, qualified: string): Promise<number> =>
  (await db.pool.query(`SELECT reltuples::int AS rows FROM pg_class WHERE oid = $1::regclass`, [qualified])).rows[0].rows;

/** ANALYZEs run on the table (not autovacuum's), once the server has counted them all: counters reach the view within a second or so. */
const analyses = async (db: TestDatabase, table: string): Promise<number> => {
  const count = async () => Number((await db.pool.query(`SELECT pg_stat_clear_snapshot(), analyze_count FROM pg_stat_user_tables WHERE relname = $1`, [table])).rows[0].analyze_count);
  const until = Date.now() + 5_000;
  let seen = await count();
  for (let stable = 0; stable < 4 && Date.now() < until; ) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await count();
    stable = now === seen ? stable + 1 : 0;
    seen = now;
  }
  return seen;
};

describe('Projector: the read models are analysed as a catch-up fills them', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('projector_statistics');
    store = new PostgresEventStore(db.pool, createEventTypeRegistry());
    // This server runs with autovacuum off (as CI's does): only the projector can analyse.
    await db.pool.query(`CREATE TABLE statistics_probe (event_id uuid PRIMARY KEY)`);
    await db.pool.query(`CREATE SCHEMA statistics_rebuild`);
    await db.pool.query(`CREATE TABLE statistics_rebuild.statistics_copy (event_id uuid PRIMARY KEY)`);
    // Three commands of ten: three batches of ten.
    await appendWithdrawals(store, 3, 10);
    await untilReadable(store, 30);
  });
  afterAll(() => db.drop());

  it('at the first threshold and at each doubling, not after every batch', async () => {
    expect(await plannedRows(db, 'statistics_probe')).toBe(-1);
    const projector = new Projector(store, db.dataSource, [counting('statistics_probe')], { batchSize: 10, pollIntervalMs: 1000, statisticsAfter: 10 });
    expect(await projector.catchUp()).toBe(30);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM statistics_probe')).rows[0].n).toBe(30);
    // Analysed after 10 events and after 20 (not awaited by the batches, so the second may see the third batch's rows), and done when catchUp returns.
    expect(await plannedRows(db, 'statistics_probe')).toBeGreaterThanOrEqual(20);
    // The next is due at 40: two ANALYZEs, not one per batch.
    expect(await analyses(db, 'statistics_probe')).toBe(2);
    // A small sample (target 10): eleven histogram bounds over 30 distinct ids, not 30.
    const { rows: [stats] } = await db.pool.query(`SELECT cardinality(histogram_bounds::text::text[]) AS bounds FROM pg_stats WHERE tablename = 'statistics_probe' AND attname = 'event_id'`);
    expect(stats.bounds).toBe(11);
  });

  it("in a rebuild, the rebuild schema's copies", async () => {
    const projector = new Projector(store, db.dataSource, [counting('statistics_copy')], { batchSize: 30, pollIntervalMs: 1000, statisticsAfter: 25, schema: 'statistics_rebuild' });
    await db.pool.query(`CREATE TABLE statistics_rebuild.projection_checkpoints (LIKE projection_checkpoints INCLUDING ALL)`);
    expect(await projector.catchUp()).toBe(30);
    expect(await plannedRows(db, 'statistics_rebuild.statistics_copy')).toBe(30);
  });

  it('never, when turned off', async () => {
    await db.pool.query(`CREATE TABLE statistics_off (event_id uuid PRIMARY KEY)`);
    const projector = new Projector(store, db.dataSource, [counting('statistics_off')], { batchSize: 10, pollIntervalMs: 1000, statisticsAfter: 0 });
    expect(await projector.catchUp()).toBe(30);
    expect(await plannedRows(db, 'statistics_off')).toBe(-1);
  });
});
