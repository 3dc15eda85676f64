import type { Checkpoint, EventStore, ReadAllResult, StoredEvent } from '@lib/event-store';
import { SharedBatches } from './shared-batches';

/** A log of `length` events, positions 1…length, read in batches; every read recorded. */
const logOf = (length: number) => {
  const reads: string[] = [];
  const store = {
    readAll: async (after: Checkpoint, limit: number): Promise<ReadAllResult> => {
      reads.push(after.position);
      const first = Number(after.position) + 1;
      const last = Math.min(length, first + limit - 1);
      const events = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => ({ globalPosition: String(first + i) }) as unknown as StoredEvent);
      return { events, checkpoint: { transactionId: '1', position: String(Math.max(first - 1, last)) } };
    },
  } as unknown as EventStore;
  return { store, reads };
};

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SharedBatches', () => {
  it('reads each batch once for every reader, in order, from where the last ended', async () => {
    const { store, reads } = logOf(25);
    const batches = new SharedBatches(store, { transactionId: '0', position: '0' }, 10, ['a', 'b'], 4);
    const seen: Record<string, string[]> = { a: [], b: [] };
    await Promise.all(
      ['a', 'b'].map(async (reader) => {
        for (let index = 0; ; index++) {
          const { from, batch } = await batches.take(reader, index);
          if (batch.events.length === 0) return batches.leave(reader);
          seen[reader].push(`${from.position}+${batch.events.length}`);
          batches.passed(reader, index);
        }
      }),
    );
    expect(seen.a).toEqual(['0+10', '10+10', '20+5']);
    expect(seen.b).toEqual(seen.a);
    expect(reads).toEqual(['0', '10', '20', '25']);
  });

  it('holds the fastest reader `window` batches ahead of the slowest, and lets it go when the slowest leaves', async () => {
    const { store } = logOf(100);
    const batches = new SharedBatches(store, { transactionId: '0', position: '0' }, 10, ['fast', 'slow'], 2);
    await batches.take('slow', 0);
    let reached = -1;
    const fast = (async () => {
      for (let index = 0; index < 8; index++) {
        await batches.take('fast', index);
        batches.passed('fast', index);
        reached = index;
      }
    })();
    for (let i = 0; i < 20; i++) await tick();
    // slow stands at 0: fast may take 0, 1 and 2 and waits for 3.
    expect(reached).toBe(2);
    batches.passed('slow', 0);
    for (let i = 0; i < 20; i++) await tick();
    expect(reached).toBe(3);
    batches.leave('slow');
    await fast;
    expect(reached).toBe(7);
  });

  it('reports each batch once, when every reader still going has applied it', async () => {
    const { store } = logOf(30);
    const batches = new SharedBatches(store, { transactionId: '0', position: '0' }, 10, ['a', 'b'], 4);
    await batches.take('a', 0);
    await batches.take('a', 1);
    expect(batches.passed('a', 0)).toEqual([]);
    expect(batches.passed('a', 1)).toEqual([]);
    await batches.take('b', 0);
    expect(batches.passed('b', 0)).toEqual([10]);
    // b fails or stops: what a has applied counts, once.
    expect(batches.leave('b')).toEqual([10]);
    expect(batches.leave('a')).toEqual([]);
  });

  it('at the head of the log, the next read waits the interval, and every reader shares it; full batches are read at once', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    try {
      const { store, reads } = logOf(25);
      const batches = new SharedBatches(store, { transactionId: '0', position: '0' }, 10, ['a', 'b'], 4, 50);
      for (const index of [0, 1, 2]) {
        await batches.take('a', index);
        await batches.take('b', index);
        batches.passed('a', index);
        batches.passed('b', index);
      }
      // Two full batches and the head (5 events), no time passed: nothing waited.
      expect(reads).toEqual(['0', '10', '20']);
      const next = [batches.take('a', 3), batches.take('b', 3)];
      await tick();
      jest.advanceTimersByTime(49);
      await tick();
      expect(reads).toHaveLength(3);
      jest.advanceTimersByTime(1);
      const [a, b] = await Promise.all(next);
      expect(reads).toEqual(['0', '10', '20', '25']);
      expect(a).toBe(b);
    } finally {
      jest.useRealTimers();
    }
  });

  it('a failed read fails the readers that take it', async () => {
    const store = { readAll: async () => Promise.reject(new Error('connection lost')) } as unknown as EventStore;
    const batches = new SharedBatches(store, { transactionId: '0', position: '0' }, 10, ['a'], 4);
    await expect(batches.take('a', 0)).rejects.toThrow('connection lost');
  });

  it('a reader at the head looks again each time another passes a batch, and stops once all are at the head', async () => {
    const log = logOf(20);
    const batches = new SharedBatches(log.store, { transactionId: '0', position: '0' }, 10, ['fast', 'slow'], 4);
    for (const index of [0, 1]) {
      await batches.take('fast', index);
      batches.passed('fast', index);
    }
    expect((await batches.take('fast', 2)).batch.events).toHaveLength(0);
    const looking = batches.atHead('fast');
    await batches.take('slow', 0);
    batches.passed('slow', 0);
    expect(await looking).toBe(true);
    // Looked at again, the head is read anew, not the empty read kept.
    const readsBefore = log.reads.length;
    expect((await batches.take('fast', 2, true)).batch.events).toHaveLength(0);
    expect(log.reads.length).toBe(readsBefore + 1);
    const waiting = batches.atHead('fast');
    await batches.take('slow', 1);
    batches.passed('slow', 1);
    expect(await waiting).toBe(true);
    expect((await batches.take('slow', 2)).batch.events).toHaveLength(0);
    const fastAgain = batches.atHead('fast');
    expect(await batches.atHead('slow')).toBe(false);
    expect(await fastAgain).toBe(false);
  });
});
