import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type Checkpoint, type ReadAllResult, type StoredEvent } from '@lib/event-store';
import { createEventTypeRegistry } from '@lib/platform';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import type { Projection } from '../projection';
import { Projector } from './projector';

jest.setTimeout(60_000);

/** The store, with a hook run once just after a read finds the log empty (before catch-up ends). */
class HookedStore extends PostgresEventStore {
  afterEmptyRead: ((after: Checkpoint) => Promise<void>) | null = null;

  override async readAll(after: Checkpoint, limit: number): Promise<ReadAllResult> {
    const result = await super.readAll(after, limit);
    const hook = this.afterEmptyRead;
    if (result.events.length === 0 && hook) {
      this.afterEmptyRead = null;
      await hook(after);
    }
    return result;
  }
}

const recording = (seen: string[]): Projection => ({
  name: 'wake-recorder',
  version: 1,
  handles: new Set(['SupportApplicationWithdrawn']),
  tables: [],
  apply: async (_manager, events: readonly StoredEvent[]) => {
    seen.push(...events.map((event) => event.eventId));
  },
});

describe('Projector: a notification that arrives while it catches up', () => {
  let db: TestDatabase;
  let store: HookedStore;

  beforeAll(async () => {
    db = await createTestDatabase('projector_wake');
    store = new HookedStore(db.pool, createEventTypeRegistry());
  });
  afterAll(() => db.drop());

  const appendOne = async (): Promise<void> => {
    await store.append({
      commandId: randomUUID(),
      recordedAt: '2020-05-18T02:00:00.000Z',
      metadata: { actorId: 'officer', role: null, ward: null, correlationId: 'c', causationId: null },
      appends: [{ streamId: `support-application-${randomUUID()}`, expected: { version: 0, hash: null }, events: [{ type: 'SupportApplicationWithdrawn', data: { reason: 'test' } }] }],
      result: {},
    });
  };

  it('reads again at once instead of sleeping until the next poll', async () => {
    const seen: string[] = [];
    let notify: () => void = () => undefined;
    // Polling an hour apart: only the notification can bring the second event in this test's time.
    const projector = new Projector(store, db.dataSource, [recording(seen)], {
      batchSize: 100,
      pollIntervalMs: 3_600_000,
      subscribe: async (wake) => {
        notify = wake;
        return async () => undefined;
      },
    });
    await appendOne();
    let appendedLate = 0;
    // The first catch-up's last (empty) read: an append commits and its notification arrives before
    // the projector goes to sleep.
    store.afterEmptyRead = async (after) => {
      await appendOne();
      // Readable first: the gap-safe reader waits below any older transaction still open on the
      // server (other suites'), and a re-read that found nothing would rightly sleep again.
      while ((await PostgresEventStore.prototype.readAll.call(store, after, 10)).events.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      appendedLate = (await db.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n;
      notify();
    };
    await projector.start();
    try {
      // Bounded so the test fails rather than hangs; the poll would come only after an hour.
      const giveUp = Date.now() + 20_000;
      while (seen.length < 2 && Date.now() < giveUp) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      await projector.stop();
    }
    expect(appendedLate).toBe(2);
    expect(seen).toHaveLength(2);
  });
});
