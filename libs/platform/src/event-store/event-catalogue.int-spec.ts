import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SupportApplicationReviewed } from '@lib/domain';
import type { SupportApplicationReviewedV1 } from '@lib/domain/support-application/events/legacy/support-application-reviewed.v1';
import { headOf, START, UnknownEventType, verifyChain, type AppendOutcome, type PostgresEventStore } from '@lib/event-store';
import { createSuiteDatabase, EMPTY, insertRawEvent, single, storeOn, uniqueStream, waitForHorizon, type StoreTestDatabase as TestDatabase } from '@lib/event-store/testing/store-fixtures';
import { createEventTypeRegistry } from './event-catalogue';

const legacyReviewed: SupportApplicationReviewedV1 = JSON.parse(
  readFileSync(join(__dirname, '../../../domain/src/support-application/events/__fixtures__/SupportApplicationReviewed.v1.json'), 'utf8'),
);

/** What the v1 fixture must read as today. */
const asV2: SupportApplicationReviewed['data'] = {
  applicationId: legacyReviewed.applicationId,
  step: 'village-review',
  outcome: 'confirmed',
  minutesRef: 'BB-12/2020',
  reviewedBy: 'reviewer-hoa',
  reviewedAt: '2020-05-18T02:00:00.000Z',
};

// jest.config.js sets testTimeout on the integration project, where Jest ignores it; this is that intended hang guard.
jest.setTimeout(60_000);

describe('the event catalogue: upcasting stored events (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createSuiteDatabase('store_upcasting', 3);
    store = storeOn(db.pool, createEventTypeRegistry());
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('a SupportApplicationReviewed stored at v1 by an older release reads in the v2 shape, remembering it was v1', async () => {
    expect(legacyReviewed).toMatchObject({ reviewerId: 'reviewer-hoa', minutes: 'BB-12/2020' });
    const streamId = uniqueStream('legacy');
    const { eventId, hash } = await insertRawEvent(db.pool, {
      streamId,
      streamVersion: 1,
      type: 'SupportApplicationReviewed',
      schemaVersion: 1,
      data: legacyReviewed,
      previousHash: null,
    });

    const [event] = await store.readStream(streamId);
    expect(event).toMatchObject({ eventId, streamVersion: 1, type: 'SupportApplicationReviewed', storedSchemaVersion: 1, hash });
    expect(event.data).toEqual(asV2);
    expect(event.data).not.toHaveProperty('reviewerId');

    // Stored as written: the raw row keeps the v1 shape and its hash still verifies.
    const raw = await store.readRawStream(streamId);
    expect(raw[0]).toMatchObject({ schemaVersion: 1, data: legacyReviewed });
    expect(verifyChain(raw)).toBeNull();

    // Appending after it chains on the legacy event; new events are stored at the current version.
    const outcome = (await store.append(single(streamId, headOf(await store.readStream(streamId)), [{ type: 'SupportApplicationReviewed', data: { ...asV2, step: 'ward-check' } }]))) as Extract<AppendOutcome, { duplicate: false }>;
    expect(outcome.heads[streamId].version).toBe(2);
    const both = await store.readStream(streamId);
    expect(both.map((stored) => stored.storedSchemaVersion)).toEqual([1, 2]);
    expect(both[1].data).toEqual({ ...asV2, step: 'ward-check' });
    expect(verifyChain(await store.readRawStream(streamId))).toBeNull();

    // The global log upcasts the same way.
    await waitForHorizon(db.pool);
    const { events } = await store.readAll(START, 1000);
    expect(events.find((stored) => stored.eventId === eventId)).toMatchObject({ storedSchemaVersion: 1, data: asV2 });
  });

  it('readStream, readAll and readStreams give each event as its raw row upcast: every field, in the same order, storedData only where upcasting changed the data', async () => {
    const streamId = uniqueStream('shape');
    const first = await insertRawEvent(db.pool, { streamId, streamVersion: 1, type: 'SupportApplicationReviewed', schemaVersion: 1, data: legacyReviewed, previousHash: null });
    await store.append(single(streamId, { version: 1, hash: first.hash }, [{ type: 'SupportApplicationReviewed', data: { ...asV2, step: 'ward-check' } }]));
    const registry = createEventTypeRegistry();
    const expected = (await store.readRawStream(streamId)).map(({ schemaVersion, ...rest }) => {
      const data = registry.upcast(rest.type, schemaVersion, rest.data);
      return { ...rest, storedSchemaVersion: schemaVersion, data, ...(schemaVersion === 1 ? { storedData: rest.data } : {}) };
    });
    expect(expected.map((event) => 'storedData' in event)).toEqual([true, false]);
    const read = await store.readStream(streamId);
    await waitForHorizon(db.pool);
    const logged = (await store.readAll(START, 100_000)).events.filter((event) => event.streamId === streamId);
    const together = (await store.readStreams([streamId])).get(streamId)!;
    for (const events of [read, logged, together]) {
      expect(events).toStrictEqual(expected);
      expect(events.map((event) => Object.keys(event))).toEqual(expected.map((event) => Object.keys(event)));
    }
  });

  it('reading a type that is not registered fails with UnknownEventType, in readStream and readAll', async () => {
    const streamId = uniqueStream('unknown');
    await insertRawEvent(db.pool, { streamId, streamVersion: 1, type: 'SupportApplicationAudited', schemaVersion: 1, data: { note: 'from the future' }, previousHash: null });
    await expect(store.readStream(streamId)).rejects.toBeInstanceOf(UnknownEventType);
    await expect(store.readStream(streamId)).rejects.toThrow('event type SupportApplicationAudited is not registered');
    await waitForHorizon(db.pool);
    await expect(store.readAll(START, 1000)).rejects.toBeInstanceOf(UnknownEventType);
    // The raw row is still readable, for auditors and repair.
    expect((await store.readRawStream(streamId))[0].type).toBe('SupportApplicationAudited');
  });

  it('a stored version newer than this release knows is refused rather than misread', async () => {
    const streamId = uniqueStream('newer');
    await insertRawEvent(db.pool, { streamId, streamVersion: 1, type: 'SupportApplicationReviewed', schemaVersion: 3, data: { ...asV2, extra: true }, previousHash: null });
    await expect(store.readStream(streamId)).rejects.toThrow('SupportApplicationReviewed v3 was written by a newer release');
  });

  it('appending a type that is not registered fails and stores nothing', async () => {
    const streamId = uniqueStream('unknown-append');
    await expect(store.append(single(streamId, EMPTY, [{ type: 'SupportApplicationAudited', data: {} }]))).rejects.toBeInstanceOf(UnknownEventType);
    expect(await store.readRawStream(streamId)).toEqual([]);
  });
});
