import type { StoreTestDatabase as TestDatabase } from '../testing/store-fixtures';
import { START, type Checkpoint, type StoredEvent } from '../event-store';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import { createSuiteDatabase, EMPTY, noted, request, storeOn, uniqueStream } from '../testing/store-fixtures';

jest.setTimeout(60_000);

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

/**
 * The next non-empty batch. The gap-safe reader answers nothing while any transaction on the
 * server is still writing (other suites run alongside), so an empty read is waited out, as a projector does.
 */
const nextBatch = async (store: PostgresEventStore, checkpoint: Checkpoint, limit: number) => {
  for (;;) {
    const batch = await store.readAll(checkpoint, limit);
    if (batch.events.length > 0) return batch;
    await pause();
  }
};

/** The batches the reader returns from START until `expected` events have come, as a projector would read them. */
const batchesOf = async (store: PostgresEventStore, limit: number, expected: number): Promise<StoredEvent[][]> => {
  const batches: StoredEvent[][] = [];
  let checkpoint: Checkpoint = START;
  while (batches.flat().length < expected) {
    const batch = await nextBatch(store, checkpoint, limit);
    batches.push(batch.events);
    checkpoint = batch.checkpoint;
  }
  return batches;
};

describe('PostgresEventStore.readAll: a batch never ends inside a transaction', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createSuiteDatabase('read_all_transactions', 4);
    store = storeOn(db.pool);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('returns an append larger than the batch size whole, and resumes after it', async () => {
    const before = uniqueStream('before');
    const big = uniqueStream('big');
    const other = uniqueStream('other');
    const after = uniqueStream('after');
    await store.append(request([{ streamId: before, expected: EMPTY, events: [noted('b1'), noted('b2')] }]));
    // One command, 7 events on two streams: one transaction larger than the batch of 3.
    await store.append(request([
      { streamId: big, expected: EMPTY, events: [1, 2, 3, 4, 5].map((n) => noted(`big-${n}`)) },
      { streamId: other, expected: EMPTY, events: [noted('o1'), noted('o2')] },
    ]));
    await store.append(request([{ streamId: after, expected: EMPTY, events: [noted('a1')] }]));

    const batches = await batchesOf(store, 3, 10);
    const transactionsOf = (batch: StoredEvent[]) => new Set(batch.map((event) => event.transactionId));
    // No transaction appears in two batches.
    const seenIn = new Map<string, number>();
    batches.forEach((batch, index) => {
      for (const transaction of transactionsOf(batch)) {
        expect(seenIn.get(transaction) ?? index).toBe(index);
        seenIn.set(transaction, index);
      }
    });
    const bigBatch = batches.find((batch) => batch.some((event) => event.streamId === big))!;
    expect(bigBatch.filter((event) => event.streamId === big || event.streamId === other)).toHaveLength(7);
    // Nothing lost or repeated, in log order.
    const all = batches.flat();
    expect(all.map((event) => event.data)).toEqual(
      ['b1', 'b2', 'big-1', 'big-2', 'big-3', 'big-4', 'big-5', 'o1', 'o2', 'a1'].map((label) => noted(label).data),
    );
    expect(new Set(all.map((event) => event.eventId)).size).toBe(all.length);
  });

  it('still stops at the limit between transactions', async () => {
    const stream = uniqueStream('small');
    // Past the first test's ten events, however the gap-safe reader split them.
    let checkpoint: Checkpoint = START;
    for (let seen = 0; seen < 10; ) {
      const batch = await nextBatch(store, checkpoint, 1_000_000);
      seen += batch.events.length;
      checkpoint = batch.checkpoint;
    }
    await store.append(request([{ streamId: stream, expected: EMPTY, events: [noted('s1')] }]));
    await store.append(request([{ streamId: uniqueStream('small-2'), expected: EMPTY, events: [noted('s2')] }]));
    const next = await nextBatch(store, checkpoint, 1);
    expect(next.events.map((event) => event.data)).toEqual([noted('s1').data]);
  });
});
