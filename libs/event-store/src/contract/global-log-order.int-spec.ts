import { randomUUID } from 'node:crypto';
import type { StoreTestDatabase as TestDatabase } from '../testing/store-fixtures';
import { ConcurrencyError, START, headOf, type Checkpoint } from '../event-store';
import { verifyChain } from '../hash-chain';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import { createSuiteDatabase, EMPTY, request, storeOn, uniqueStream, noted } from '../testing/store-fixtures';

jest.setTimeout(60_000);

describe('PostgresEventStore: global order by transaction id as a number, and bulk appends', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createSuiteDatabase('global_log_order', 4);
    store = storeOn(db.pool);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('reads transaction 9 before 10 and 99 (numeric order, not the order of their text), one event per read', async () => {
    // Rows of transactions long committed, as after a restore: the ids only need to cross a power
    // of ten, and lie below every real transaction id (a freshly initialised cluster is in the thousands).
    const stream = uniqueStream('xid-order');
    const first = await store.append(request([{ streamId: stream, expected: EMPTY, events: [noted('template')] }]));
    if (first.duplicate) throw new Error('unexpected duplicate');
    await db.pool.query(
      `INSERT INTO events (transaction_id, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash)
       SELECT x::text::xid8, gen_random_uuid(), $1 || '-' || x, 1, type, schema_version, data, metadata, recorded_at, hash
         FROM events, unnest(ARRAY[99, 10, 9]) AS x WHERE stream_id = $2`,
      [stream, stream],
    );
    const seen: string[] = [];
    let checkpoint: Checkpoint = START;
    for (let reads = 0; reads < 10; reads += 1) {
      const batch = await store.readAll(checkpoint, 1);
      if (batch.events.length === 0) break;
      seen.push(batch.events[0].transactionId);
      checkpoint = batch.checkpoint;
    }
    expect(seen.slice(0, 3)).toEqual(['9', '10', '99']);
  });

  it('appendBatch stores many commands, several on one stream, each with its own metadata, chained as single appends would be', async () => {
    const application = uniqueStream('bulk-app');
    const other = uniqueStream('bulk-other');
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const outcome = await store.appendBatch([
      request([{ streamId: application, expected: EMPTY, events: [noted('a1'), noted('a2')] }], { commandId: ids[0], metadata: { actorId: 'officer-1', role: 'intake-officer', ward: 'W01', correlationId: 'c1', causationId: null } }),
      request([{ streamId: application, expected: { version: 2, hash: null } as never, events: [noted('a3')] }, { streamId: other, expected: EMPTY, events: [noted('o1')] }], { commandId: ids[1] }),
      request([{ streamId: other, expected: { version: 1, hash: null }, events: [noted('o2')] }], { commandId: ids[2], recordedAt: '2020-05-21T03:00:00.000Z' }),
    ]);
    expect(outcome).toMatchObject({ duplicates: [], events: 5 });
    const app = await store.readStream(application);
    expect(app.map((event) => [event.streamVersion, event.metadata.commandId])).toEqual([[1, ids[0]], [2, ids[0]], [3, ids[1]]]);
    expect(app[0].metadata.actorId).toBe('officer-1');
    expect(outcome.heads[application]).toEqual(headOf(app));
    const raw = async (streamId: string) => (await store.readRawStream(streamId)).map((row) => ({ ...row, data: row.data }));
    expect(verifyChain(await raw(application))).toBeNull();
    expect(verifyChain(await raw(other))).toBeNull();
    expect((await store.readStream(other))[1].recordedAt).toBe('2020-05-21T03:00:00.000Z');
    expect(await store.findCommand(ids[2])).toEqual({ ok: true });
  });

  it('appendBatch appends nothing when a command id was already recorded, and names it', async () => {
    const streamId = uniqueStream('bulk-dup');
    const recorded = randomUUID();
    await store.append(request([{ streamId: uniqueStream('bulk-dup-first'), expected: EMPTY, events: [noted('x')] }], { commandId: recorded }));
    const outcome = await store.appendBatch([
      request([{ streamId, expected: EMPTY, events: [noted('y')] }]),
      request([{ streamId: uniqueStream('bulk-dup-2'), expected: EMPTY, events: [noted('z')] }], { commandId: recorded }),
    ]);
    expect(outcome.duplicates).toEqual([recorded]);
    expect(await store.readStream(streamId)).toEqual([]);
  });

  it('appendBatch refuses a stale or unknown head whole, with a ConcurrencyError', async () => {
    const streamId = uniqueStream('bulk-stale');
    const fresh = uniqueStream('bulk-fresh');
    await store.append(request([{ streamId, expected: EMPTY, events: [noted('1'), noted('2')] }]));
    const [first] = await store.readStream(streamId);
    await expect(store.appendBatch([
      request([{ streamId: fresh, expected: EMPTY, events: [noted('f')] }]),
      request([{ streamId, expected: { version: 1, hash: first.hash }, events: [noted('fork')] }]),
    ])).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.appendBatch([request([{ streamId, expected: { version: 5, hash: 'f'.repeat(64) }, events: [noted('ahead')] }])])).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.readStream(fresh)).toEqual([]);
    expect((await store.readStream(streamId)).map((event) => event.streamVersion)).toEqual([1, 2]);
  });
});
