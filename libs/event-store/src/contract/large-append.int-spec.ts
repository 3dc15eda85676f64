import { ConcurrencyError, type AppendOutcome, type StreamHead } from '../event-store';
import { verifyChain } from '../hash-chain';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import type { StoreTestDatabase as TestDatabase } from '../testing/store-fixtures';
import { contractRegistry, createSuiteDatabase, EMPTY, noted, request, single, uniqueStream } from '../testing/store-fixtures';

jest.setTimeout(60_000);

/**
 * An append of more events than one statement should carry (a provincial decision over tens of
 * thousands of applications) is written as several statements in one transaction: all of it or
 * none, with the single statement's checks and answers. Ten events per statement here.
 */
describe('PostgresEventStore: a very large append is one transaction of several statements', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createSuiteDatabase('large_append', 4);
    store = new PostgresEventStore(db.pool, contractRegistry(), { maxInFlight: 2, maxAppends: 64, maxStatementEvents: 10 });
  });
  afterAll(async () => {
    await db?.drop();
  });

  const stored = async (streams: string[]) => {
    const { rows } = await db.pool.query('SELECT count(*)::int AS events, count(DISTINCT transaction_id)::int AS transactions FROM events WHERE stream_id = ANY($1)', [streams]);
    return rows[0] as { events: number; transactions: number };
  };
  const events = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => noted(`${prefix}${i}`));

  it('stores 35 events on four streams in one transaction, in order, chained, with their positions', async () => {
    const streams = Array.from({ length: 4 }, () => uniqueStream('decision'));
    const sizes = [12, 1, 15, 7];
    const outcome = await store.append(request(streams.map((streamId, index) => ({ streamId, expected: EMPTY, events: events(`s${index}-`, sizes[index]) }))));
    expect(outcome.duplicate).toBe(false);
    expect(await stored(streams)).toEqual({ events: 35, transactions: 1 });
    const positions: number[] = [];
    for (const [index, streamId] of streams.entries()) {
      const read = await store.readStream(streamId);
      expect(read.map((event) => event.data.subject)).toEqual(Array.from({ length: sizes[index] }, (_, i) => `s${index}-${i}`));
      expect(read.map((event) => event.streamVersion)).toEqual(Array.from({ length: sizes[index] }, (_, i) => i + 1));
      expect(verifyChain(await store.readRawStream(streamId))).toBeNull();
      positions.push(...read.map((event) => event.position));
    }
    expect((outcome as Extract<AppendOutcome, { duplicate: false }>).positions).toEqual(positions.sort((a, b) => a - b));
    // The heads it answers are what the next append names.
    const heads = (outcome as Extract<AppendOutcome, { duplicate: false }>).heads;
    await store.append(single(streams[2], heads[streams[2]] as StreamHead, [noted('next')]));
    expect(await store.readStream(streams[2])).toHaveLength(16);
  });

  it('a head that moved meanwhile, on a stream whose rows come in a later statement: a ConcurrencyError and nothing stored', async () => {
    const streams = Array.from({ length: 3 }, () => uniqueStream('stale'));
    await store.append(single(streams[2], EMPTY, [noted('there first')]));
    const attempt = store.append(request(streams.map((streamId, index) => ({ streamId, expected: EMPTY, events: events(`x${index}-`, 12) }))));
    await expect(attempt).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await stored(streams.slice(0, 2))).toEqual({ events: 0, transactions: 0 });
    expect(await store.readStream(streams[2])).toHaveLength(1);
  });

  it('the same command again is answered with the first result and stores nothing more', async () => {
    const streams = Array.from({ length: 2 }, () => uniqueStream('repeat'));
    const first = request(streams.map((streamId, index) => ({ streamId, expected: EMPTY, events: events(`r${index}-`, 11) })), { result: { decision: 'first' } });
    await store.append(first);
    const again = await store.append({ ...first, result: { decision: 'second' } });
    expect(again).toEqual({ duplicate: true, result: { decision: 'first' } });
    expect(await stored(streams)).toEqual({ events: 22, transactions: 1 });
  });
});
