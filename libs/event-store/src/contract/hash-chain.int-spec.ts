import type { StoreTestDatabase as TestDatabase } from '../testing/store-fixtures';
import { headOf, type NewEvent } from '../event-store';
import { chainHash, verifyChain, type ChainBreak } from '../hash-chain';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import { asTamperer, CONTRACT_EVENT, createSuiteDatabase, EMPTY, request, single, storeOn, uniqueStream, noted } from '../testing/store-fixtures';

/** Data that tends to change on its way through jsonb: key order, escapes, unicode, numbers. */
const awkward: NewEvent = {
  type: CONTRACT_EVENT,
  data: {
    zeta: 1,
    alpha: { nested: { b: [3, 2, 1], a: null } },
    applicant: { fullName: 'Nguyễn Thị Hoà "Bé"', address: 'Khối 3\\phường Bến Nghé\nQuận 1', note: '😷 \u2028 tab\t' },
    amounts: [0.1 + 0.2, 1e21, 5e-324, -0, 1800000, 2 ** 53 + 2],
    dropped: undefined,
    flags: [true, false, null],
    empty: {},
  },
};

// jest.config.js sets testTimeout on the integration project, where Jest ignores it; this is that intended hang guard.
jest.setTimeout(60_000);

describe('hash chain over stored events (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createSuiteDatabase('store_hash_chain', 3);
    store = storeOn(db.pool);
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** Builds a stream of `count` events in several appends, one of them multi-event. */
  const streamOf = async (prefix: string, count: number): Promise<string> => {
    const streamId = uniqueStream(prefix);
    await store.append(single(streamId, EMPTY, [noted(`${prefix} 1`)]));
    for (let version = 2; version <= count; ) {
      const batch = Math.min(2, count - version + 1);
      const events = Array.from({ length: batch }, (_, index) => noted(`${prefix} ${version + index}`));
      await store.append(single(streamId, headOf(await store.readStream(streamId)), events));
      version += batch;
    }
    return streamId;
  };

  const verifyAll = async (): Promise<ChainBreak[]> => {
    const { rows } = await db.pool.query(`SELECT DISTINCT stream_id FROM events ORDER BY stream_id`);
    const breaks: ChainBreak[] = [];
    for (const { stream_id } of rows) {
      const found = verifyChain(await store.readRawStream(stream_id));
      if (found) breaks.push(found);
    }
    return breaks;
  };

  const positionOf = async (streamId: string, version: number): Promise<number> =>
    Number((await db.pool.query(`SELECT global_position FROM events WHERE stream_id = $1 AND stream_version = $2`, [streamId, version])).rows[0].global_position);

  it('every stream written through the store verifies, including awkward data and multi-stream appends', async () => {
    const plain = await streamOf('plain', 5);
    const odd = uniqueStream('awkward');
    await store.append(single(odd, EMPTY, [awkward, awkward]));
    const other = uniqueStream('paired');
    await store.append(request([
      { streamId: plain, expected: headOf(await store.readStream(plain)), events: [noted('paired with other')] },
      { streamId: other, expected: EMPTY, events: [awkward, noted('other 2')] },
    ]));
    expect((await store.readRawStream(plain)).map((row) => row.streamVersion)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await verifyAll()).toEqual([]);

    // Each link is the previous event's hash; the head the store reports is the last link.
    const raw = await store.readRawStream(plain);
    expect(new Set(raw.map((row) => row.hash)).size).toBe(raw.length);
    expect(headOf(await store.readStream(plain)).hash).toBe(raw[raw.length - 1].hash);
  });

  it('streams written in bulk (appendBatch: several commands on one stream, awkward data) verify too', async () => {
    const streamId = uniqueStream('bulk');
    const other = uniqueStream('bulk-other');
    const first = single(streamId, EMPTY, [awkward, noted('bulk 2')]);
    const outcome = await store.appendBatch([
      first,
      request([{ streamId, expected: { version: 2, hash: null }, events: [noted('bulk 3'), awkward] }, { streamId: other, expected: EMPTY, events: [awkward] }]),
    ]);
    expect(outcome).toMatchObject({ duplicates: [], events: 5 });
    expect((await store.readRawStream(streamId)).map((row) => row.streamVersion)).toEqual([1, 2, 3, 4]);
    expect(verifyChain(await store.readRawStream(streamId))).toBeNull();
    expect(verifyChain(await store.readRawStream(other))).toBeNull();
  });

  it('altering one stored event (triggers off, as superuser) is named by stream and version', async () => {
    const streamId = await streamOf('altered', 4);
    const innocent = await streamOf('innocent', 3);
    expect(verifyChain(await store.readRawStream(streamId))).toBeNull();

    const changed = await asTamperer(
      db.url,
      `UPDATE events SET data = jsonb_set(data, '{reason}', '"forged"') WHERE stream_id = $1 AND stream_version = 2`,
      [streamId],
    );
    expect(changed).toBe(1);
    expect((await store.readStream(streamId))[1].data).toMatchObject({ reason: 'forged' });

    const expected: ChainBreak = { streamId, streamVersion: 2, position: await positionOf(streamId, 2), problem: 'content does not match its hash' };
    expect(verifyChain(await store.readRawStream(streamId))).toEqual(expected);
    expect(verifyChain(await store.readRawStream(innocent))).toBeNull();
    expect(await verifyAll()).toContainEqual(expected);
  });

  it.each([
    ['metadata', `UPDATE events SET metadata = jsonb_set(metadata, '{actorId}', '"someone-else"')`],
    ['recorded_at', `UPDATE events SET recorded_at = recorded_at - interval '1 day'`],
    ['schema_version', `UPDATE events SET schema_version = 2`],
    ['type', `UPDATE events SET type = 'ContractNoteRetracted'`],
  ])('altering %s is detected too', async (_, update) => {
    const streamId = await streamOf('altered-field', 3);
    expect(await asTamperer(db.url, `${update} WHERE stream_id = $1 AND stream_version = 3`, [streamId])).toBe(1);
    expect(verifyChain(await store.readRawStream(streamId))).toMatchObject({ streamId, streamVersion: 3, problem: 'content does not match its hash' });
  });

  it('re-hashing the altered event alone does not help: the next link breaks', async () => {
    const streamId = await streamOf('rehashed', 3);
    const [, second] = await store.readRawStream(streamId);
    const forged = { ...second, data: { ...second.data, reason: 'forged' } };
    const rehash = chainHash((await store.readRawStream(streamId))[0].hash, {
      eventId: forged.eventId, streamId, streamVersion: 2, type: forged.type, schemaVersion: forged.schemaVersion,
      data: forged.data, metadata: forged.metadata, recordedAt: forged.recordedAt,
    });
    await asTamperer(db.url, `UPDATE events SET data = $2, hash = $3 WHERE stream_id = $1 AND stream_version = 2`, [streamId, JSON.stringify(forged.data), rehash]);
    expect(verifyChain(await store.readRawStream(streamId))).toMatchObject({ streamId, streamVersion: 3, problem: 'content does not match its hash' });
  });

  it('deleting a row (triggers off) is detected as a missing version', async () => {
    const streamId = await streamOf('deleted', 4);
    expect(await asTamperer(db.url, `DELETE FROM events WHERE stream_id = $1 AND stream_version = 2`, [streamId])).toBe(1);
    expect(verifyChain(await store.readRawStream(streamId))).toEqual({
      streamId,
      streamVersion: 3,
      position: await positionOf(streamId, 3),
      problem: 'version 2 is missing',
    });

    const headless = await streamOf('deleted-first', 2);
    await asTamperer(db.url, `DELETE FROM events WHERE stream_id = $1 AND stream_version = 1`, [headless]);
    expect(verifyChain(await store.readRawStream(headless))).toMatchObject({ streamId: headless, streamVersion: 2, problem: 'version 1 is missing' });
  });

  it('swapping two events\' contents is detected', async () => {
    const streamId = await streamOf('swapped', 3);
    await asTamperer(
      db.url,
      `UPDATE events e SET data = o.data FROM events o
        WHERE e.stream_id = $1 AND o.stream_id = $1 AND e.stream_version IN (1, 2) AND o.stream_version = 3 - e.stream_version`,
      [streamId],
    );
    expect(verifyChain(await store.readRawStream(streamId))).toMatchObject({ streamId, streamVersion: 1 });
  });
});
