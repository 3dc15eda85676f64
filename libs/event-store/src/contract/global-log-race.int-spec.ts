import { randomUUID } from 'node:crypto';
import { TEST_SERVER_URL } from '@lib/testing/test-server';
import type { StoreTestDatabase as TestDatabase } from '../testing/store-fixtures';
import { ConcurrencyError, headOf, type StreamAppend } from '../event-store';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import {
  connect,
  createSuiteDatabase,
  EMPTY,
  request,
  single,
  sleep,
  storeOn,
  uniqueStream,
  waitForHorizon,
  noted,
} from '../testing/store-fixtures';
import {
  CheckpointReader,
  compareWithTable,
  drain,
  SequenceOnlyReader,
  tableOrder,
  type Delivered,
  type TailingReader,
} from '../testing/tailing-readers';

/** Advisory locks are per database, so this key cannot meet another suite's. */
const HOLD_KEY = 4_200_415;
const WRITERS = 8;
const RUN_FOR_MS = 2_000;

/**
 * Where the held writer stops:
 * - after-position: its event rows are inserted (positions and transaction id taken), it waits before commit;
 * - before-position: it has its transaction id but waits before its rows get positions.
 */
type HoldPoint = 'after-position' | 'before-position';

interface HeldScenario {
  /** What the reader handed on while the held writer was open. */
  whileHeld: Delivered[];
  /** Where the reader stood at each drain while the writer was held. */
  standingWhileHeld: ReturnType<TailingReader['standsAfter']>[];
  /** Everything it handed on, once the writer committed and every transaction was below the horizon. */
  delivered: Delivered[];
  held: Delivered[];
  later: Delivered[];
  table: Delivered[];
}

// jest.config.js sets testTimeout on the integration project, where Jest ignores it; this is that intended hang guard.
jest.setTimeout(60_000);

describe('global log read while a writer is held open (race harness)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createSuiteDatabase('store_race', WRITERS + 4);
    store = storeOn(db.pool);
    // Test-only triggers in this suite's own database: they hold a marked writer mid-transaction
    // on an advisory lock the test owns, or slow some writers down between position and commit.
    await db.pool.query(`
      CREATE FUNCTION hold_marked_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.stream_id LIKE 'held-%' THEN PERFORM pg_advisory_xact_lock(${HOLD_KEY}); END IF;
        IF NEW.stream_id LIKE 'slow-%' THEN PERFORM pg_sleep(random() * 0.02); END IF;
        RETURN NULL;
      END $$`);
    await db.pool.query(`CREATE TRIGGER hold_marked_event AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION hold_marked_event()`);
    await db.pool.query(`
      CREATE FUNCTION hold_marked_command() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.command_id LIKE 'held-%' THEN
          PERFORM pg_current_xact_id();
          PERFORM pg_advisory_xact_lock(${HOLD_KEY});
        END IF;
        RETURN NEW;
      END $$`);
    await db.pool.query(`CREATE TRIGGER hold_marked_command BEFORE INSERT ON processed_commands FOR EACH ROW EXECUTE FUNCTION hold_marked_command()`);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const eventsOf = async (streamIds: string[]): Promise<Delivered[]> =>
    (
      await db.pool.query(
        `SELECT event_id, global_position, transaction_id::text AS transaction_id FROM events WHERE stream_id = ANY($1) ORDER BY events.transaction_id, events.global_position`,
        [streamIds],
      )
    ).rows.map((row) => ({ eventId: row.event_id, position: Number(row.global_position), transactionId: row.transaction_id }));

  const waitUntilHeldWriterBlocks = async (): Promise<void> => {
    for (;;) {
      const { rows } = await db.pool.query(
        `SELECT count(*)::int AS waiting FROM pg_locks
          WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      if (rows[0].waiting > 0) return;
      await sleep(5);
    }
  };

  /** Committed events before, one writer held open, several later writers committing meanwhile. */
  const heldWriterScenario = async (reader: TailingReader, holdAt: HoldPoint): Promise<HeldScenario> => {
    for (let index = 0; index < 3; index += 1) await store.append(single(uniqueStream('before'), EMPTY, [noted(`before ${index}`)]));
    const delivered: Delivered[] = [];
    const standingWhileHeld: HeldScenario['standingWhileHeld'] = [];
    await drain(reader, delivered);

    const gate = await connect(db.url);
    await gate.query('SELECT pg_advisory_lock($1)', [HOLD_KEY]);
    const heldStream = uniqueStream(holdAt === 'after-position' ? 'held' : 'early');
    const laterStreams: string[] = [];
    let heldAppend: Promise<unknown> = Promise.resolve();
    let whileHeld: Delivered[];
    try {
      heldAppend = store.append(
        single(heldStream, EMPTY, [noted('held 1'), noted('held 2')], { commandId: holdAt === 'after-position' ? randomUUID() : `held-${randomUUID()}` }),
      );
      heldAppend.catch(() => undefined); // awaited below; keeps an early failure from going unhandled
      await waitUntilHeldWriterBlocks();

      for (let index = 0; index < 5; index += 1) {
        const streamId = uniqueStream('later');
        laterStreams.push(streamId);
        await store.append(single(streamId, EMPTY, index === 2 ? [noted(`later ${index} a`), noted(`later ${index} b`)] : [noted(`later ${index}`)]));
        if (index % 2 === 1) {
          await drain(reader, delivered);
          standingWhileHeld.push(reader.standsAfter());
        }
      }
      // The later writers really are committed: any plain query sees them.
      expect((await eventsOf(laterStreams)).length).toBe(6);
      await drain(reader, delivered);
      standingWhileHeld.push(reader.standsAfter());
      whileHeld = [...delivered];
    } finally {
      await gate.query('SELECT pg_advisory_unlock($1)', [HOLD_KEY]);
      await gate.end();
      await heldAppend;
    }

    await waitForHorizon(db.pool);
    await drain(reader, delivered);
    return {
      whileHeld,
      standingWhileHeld,
      delivered,
      held: await eventsOf([heldStream]),
      later: await eventsOf(laterStreams),
      table: await tableOrder(db.pool),
    };
  };

  const ids = (events: readonly Delivered[]) => events.map((event) => event.eventId);
  const overlap = (a: readonly Delivered[], b: readonly Delivered[]) => ids(a).filter((id) => ids(b).includes(id));

  it.each([1, 3, 1000])('readAll (batch of %i) stays below the held writer, then hands on every event exactly once, in table order', async (batch) => {
    const outcome = await heldWriterScenario(new CheckpointReader(store, batch), 'after-position');

    // The scenario is the dangerous one: the held writer took lower positions than the later ones.
    expect(outcome.held).toHaveLength(2);
    expect(Math.max(...outcome.held.map((event) => event.position))).toBeLessThan(Math.min(...outcome.later.map((event) => event.position)));

    // Never past the held writer while it was open.
    expect(overlap(outcome.whileHeld, outcome.later)).toEqual([]);
    expect(overlap(outcome.whileHeld, outcome.held)).toEqual([]);
    const heldTransaction = BigInt(outcome.held[0].transactionId);
    for (const standing of outcome.standingWhileHeld) expect(BigInt(standing.transactionId!)).toBeLessThan(heldTransaction);

    // Once it committed: everything, once, in (transaction id, position) order.
    expect(compareWithTable(outcome.delivered, outcome.table)).toEqual({ missed: [], duplicated: [], unknown: [] });
    expect(ids(outcome.delivered)).toEqual(ids(outcome.table));
  });

  it('control: the sequence-only reader, run through the same scenario, overtakes the held writer and misses its events', async () => {
    const outcome = await heldWriterScenario(new SequenceOnlyReader(db.pool, 1000), 'after-position');

    expect(Math.max(...outcome.held.map((event) => event.position))).toBeLessThan(Math.min(...outcome.later.map((event) => event.position)));
    // It handed on the later events while the held writer was still open...
    expect(overlap(outcome.whileHeld, outcome.later).sort()).toEqual(ids(outcome.later).sort());
    expect(outcome.standingWhileHeld.at(-1)!.position).toBeGreaterThan(Math.max(...outcome.held.map((event) => event.position)));
    // ...so it never hands on the held events: the harness catches a gap-unsafe reader.
    expect(compareWithTable(outcome.delivered, outcome.table)).toEqual({ missed: ids(outcome.held), duplicated: [], unknown: [] });
  });

  it('a writer held after taking its transaction id but before its positions: readAll still waits for it, and hands it on first', async () => {
    const outcome = await heldWriterScenario(new CheckpointReader(store, 2), 'before-position');

    // Here positions and transaction ids disagree: the held events got higher positions, but the lower transaction id.
    expect(Math.min(...outcome.held.map((event) => event.position))).toBeGreaterThan(Math.max(...outcome.later.map((event) => event.position)));
    expect(BigInt(outcome.held[0].transactionId)).toBeLessThan(BigInt(outcome.later[0].transactionId));

    expect(overlap(outcome.whileHeld, outcome.later)).toEqual([]);
    expect(compareWithTable(outcome.delivered, outcome.table)).toEqual({ missed: [], duplicated: [], unknown: [] });
    expect(ids(outcome.delivered)).toEqual(ids(outcome.table));
    const heldAt = ids(outcome.delivered).indexOf(outcome.held[0].eventId);
    expect(ids(outcome.delivered).slice(heldAt, heldAt + 2 + outcome.later.length)).toEqual([...ids(outcome.held), ...ids(outcome.later)]);
  });

  it('the horizon is server-wide: an open transaction in another database holds readAll back, so an empty batch does not mean caught up', async () => {
    await store.append(single(uniqueStream('horizon'), EMPTY, [noted('before')]));
    await waitForHorizon(db.pool);
    const reader = new CheckpointReader(store, 1000);
    await drain(reader, []);

    const elsewhere = await connect(TEST_SERVER_URL);
    try {
      await elsewhere.query('BEGIN');
      await elsewhere.query('SELECT pg_current_xact_id()');
      const committed = uniqueStream('horizon');
      await store.append(single(committed, EMPTY, [noted('committed meanwhile')]));
      expect(await eventsOf([committed])).toHaveLength(1);
      expect(await reader.poll()).toEqual([]);
      await elsewhere.query('COMMIT');
      await waitForHorizon(db.pool);
      expect(ids(await reader.poll())).toEqual(ids(await eventsOf([committed])));
    } finally {
      await elsewhere.end();
    }
  });

  it(`randomized: ${WRITERS} writers for a while, some slow between position and commit, against a tailing readAll consumer: 0 missed, 0 twice (and the sequence-only control misses some)`, async () => {
    const streams = [
      ...Array.from({ length: 6 }, () => uniqueStream('mixed')),
      ...Array.from({ length: 6 }, () => uniqueStream('slow')),
    ];
    const pick = () => streams[Math.floor(Math.random() * streams.length)];
    const deadline = Date.now() + RUN_FOR_MS;
    let appended = 0;

    const writer = async (writerId: number) => {
      while (Date.now() < deadline) {
        const targets = [...new Set(Math.random() < 0.25 ? [pick(), pick()] : [pick()])];
        const appends: StreamAppend[] = await Promise.all(
          targets.map(async (streamId) => ({
            streamId,
            expected: headOf(await store.readStream(streamId)),
            events: Array.from({ length: 1 + Math.floor(Math.random() * 3) }, (_, index) => noted(`writer ${writerId} #${index}`)),
          })),
        );
        try {
          await store.append(request(appends));
          appended += 1;
        } catch (error) {
          if (!(error instanceof ConcurrencyError)) throw error;
        }
      }
    };

    const delivered: Delivered[] = [];
    let writing = true;
    const consumer = async () => {
      const reader = new CheckpointReader(store, 50);
      while (writing) {
        const batch = await reader.poll();
        delivered.push(...batch);
        if (batch.length === 0) await sleep(2);
      }
      await waitForHorizon(db.pool);
      await drain(reader, delivered);
    };

    // The control runs alongside: a sequence-only consumer over the same writes.
    const overtaken: Delivered[] = [];
    const control = async () => {
      const reader = new SequenceOnlyReader(db.pool, 50);
      while (writing) {
        const batch = await reader.poll();
        overtaken.push(...batch);
        if (batch.length === 0) await sleep(2);
      }
      await waitForHorizon(db.pool);
      await drain(reader, overtaken);
    };

    const consuming = Promise.all([consumer(), control()]);
    try {
      await Promise.all(Array.from({ length: WRITERS }, (_, writerId) => writer(writerId)));
    } finally {
      writing = false;
    }
    await consuming;

    const table = await tableOrder(db.pool);
    expect(appended).toBeGreaterThan(0);
    expect(compareWithTable(delivered, table)).toEqual({ missed: [], duplicated: [], unknown: [] });
    expect(ids(delivered)).toEqual(ids(table));
    // Writers slowed between position and commit overtake each other all the time: the broken consumer misses some.
    expect(compareWithTable(overtaken, table).missed.length).toBeGreaterThan(0);
    for (const streamId of streams) {
      const versions = (await store.readStream(streamId)).map((event) => event.streamVersion);
      expect(versions).toEqual(versions.map((_, index) => index + 1));
    }
  });
});
