import type { StoredEvent } from '@lib/event-store';
import { PostgresEventStore } from '@lib/event-store';
import { createEventTypeRegistry } from '@lib/platform';
import { appendWithdrawals, createTestDatabase, untilReadable, type TestDatabase } from '@lib/testing';
import type { Projection } from '../projection';
import { Projector } from './projector';

jest.setTimeout(60_000);

/** Records the first event of each batch it applies; `gate` (when given) holds its first batch back until opened. */
const recorder = (name: string, options: { gate?: Promise<void>; fail?: boolean } = {}) => {
  const batches: string[] = [];
  const projection: Projection = {
    name,
    version: 1,
    handles: new Set(['SupportApplicationWithdrawn']),
    tables: [],
    apply: async (_manager, events: readonly StoredEvent[]) => {
      if (options.fail) throw new Error(`${name} cannot apply`);
      if (batches.length === 0 && options.gate) await options.gate;
      batches.push(events[0].eventId);
    },
  };
  return { projection, batches };
};

const checkpointOf = async (db: TestDatabase, name: string): Promise<number> =>
  (await db.pool.query('SELECT events_applied::int AS n FROM projection_checkpoints WHERE name = $1', [name])).rows[0]?.n ?? 0;

describe('Projector: projections sharing the log each go at their own pace', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('projector_pace');
    store = new PostgresEventStore(db.pool, createEventTypeRegistry());
    // Eight batches of five.
    await appendWithdrawals(store, 8, 5);
    await untilReadable(store, 40);
  });
  afterAll(() => db.drop());

  it('a slow projection holds a fast one back by at most four batches, and both reach the head on one read of each batch', async () => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slow = recorder('pace-slow', { gate });
    const fast = recorder('pace-fast');
    const reads: string[] = [];
    const counted = new (class extends PostgresEventStore {
      override async readAll(...args: Parameters<PostgresEventStore['readAll']>) {
        reads.push(args[0].position);
        return super.readAll(...args);
      }
    })(db.pool, createEventTypeRegistry());
    const applied: number[] = [];
    const projector = new Projector(counted, db.dataSource, [slow.projection, fast.projection], { batchSize: 5, pollIntervalMs: 1000, onApplied: (events) => applied.push(events) });
    const caughtUp = projector.catchUp();
    // The slow one sits in its first batch: the fast one goes on, to batch five (four ahead), and waits there.
    const giveUp = Date.now() + 20_000;
    while ((await checkpointOf(db, 'pace-fast')) < 25 && Date.now() < giveUp) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await checkpointOf(db, 'pace-fast')).toBe(25);
    expect(await checkpointOf(db, 'pace-slow')).toBe(0);
    expect(applied).toEqual([]);
    open();
    expect(await caughtUp).toBe(40);
    expect(slow.batches).toEqual(fast.batches);
    expect(slow.batches).toHaveLength(8);
    expect(await checkpointOf(db, 'pace-slow')).toBe(40);
    expect(applied).toEqual([5, 5, 5, 5, 5, 5, 5, 5]);
    // Eight batches, each read once for both; the head (position 40) read again while the slow one still applied.
    const below = reads.filter((position) => position !== reads[reads.length - 1]);
    expect(new Set(below).size).toBe(8);
    expect(below).toHaveLength(8);
  });

  it('one failing holds back only itself: the others reach the head, then the failure is thrown', async () => {
    const failing = recorder('pace-failing', { fail: true });
    const healthy = recorder('pace-healthy');
    const projector = new Projector(store, db.dataSource, [failing.projection, healthy.projection], { batchSize: 5, pollIntervalMs: 1000 });
    await expect(projector.catchUp()).rejects.toThrow('pace-failing cannot apply');
    expect(await checkpointOf(db, 'pace-healthy')).toBe(40);
    expect(await checkpointOf(db, 'pace-failing')).toBe(0);
    expect(healthy.batches).toHaveLength(8);
  });

  it('a progress callback that throws ends the catch-up only once no projection is still applying', async () => {
    const first = recorder('pace-progress-a');
    const second = recorder('pace-progress-b');
    const projector = new Projector(store, db.dataSource, [first.projection, second.projection], {
      batchSize: 5,
      pollIntervalMs: 1000,
      onApplied: () => {
        throw new Error('progress display gone');
      },
    });
    await expect(projector.catchUp()).rejects.toThrow('progress display gone');
    const settled = [await checkpointOf(db, 'pace-progress-a'), await checkpointOf(db, 'pace-progress-b')];
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([await checkpointOf(db, 'pace-progress-a'), await checkpointOf(db, 'pace-progress-b')]).toEqual(settled);
    expect(first.batches.length + second.batches.length).toBe(settled[0] / 5 + settled[1] / 5);
  });
});
