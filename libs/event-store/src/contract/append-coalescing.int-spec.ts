import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { StoreTestDatabase as TestDatabase } from '../testing/store-fixtures';
import { ConcurrencyError, type AppendOutcome } from '../event-store';
import { PostgresEventStore } from '../postgres/postgres-event-store';

import { verifyChain } from '../hash-chain';
import { connect, contractRegistry, createSuiteDatabase, EMPTY, single, sleep, TEST_METADATA, uniqueStream, noted } from '../testing/store-fixtures';

jest.setTimeout(60_000);

const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);

/**
 * Appends that arrive while a statement is in flight go together in the next one (group commit
 * in the client). Each must still stand or fall alone: a stale head, a repeated command id or a
 * writer racing from elsewhere fails that append only, never its neighbours.
 */
describe('PostgresEventStore: concurrent appends share statements and still fail alone', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createSuiteDatabase('append_coalescing', 6);
    // One statement at a time: whatever arrives meanwhile is grouped, deterministically.
    store = new PostgresEventStore(db.pool, contractRegistry(), { maxInFlight: 1, maxAppends: 64 });
  });
  afterAll(async () => {
    await db?.drop();
  });

  const transactionsOf = async (streams: string[]): Promise<number> => {
    const { rows } = await db.pool.query('SELECT count(DISTINCT transaction_id)::int AS n FROM events WHERE stream_id = ANY($1)', [streams]);
    return rows[0].n;
  };

  it('30 appends at once: all stored, the first alone and the other 29 in one transaction, each chained on its own stream', async () => {
    const streams = Array.from({ length: 30 }, () => uniqueStream('group'));
    const outcomes = await Promise.all(streams.map((streamId, index) => store.append(single(streamId, EMPTY, [noted(`g${index}`), noted(`h${index}`)]))));
    expect(outcomes.every((outcome) => !outcome.duplicate)).toBe(true);
    expect(await transactionsOf(streams)).toBe(2);
    for (const [index, streamId] of streams.entries()) {
      const events = await store.readStream(streamId);
      expect(events.map((event) => [event.streamVersion, event.data.subject])).toEqual([[1, `g${index}`], [2, `h${index}`]]);
      expect((outcomes[index] as Extract<AppendOutcome, { duplicate: false }>).positions).toEqual(events.map((event) => event.position));
    }
  });

  it("appends sharing a statement keep each their own metadata and recorded time; an event carried by a list keeps its own", async () => {
    const streams = Array.from({ length: 8 }, () => uniqueStream('own-metadata'));
    const requests = streams.map((streamId, index) =>
      single(streamId, EMPTY, [noted(`a${index}`), { ...noted(`b${index}`), ...(index === 5 ? { carriedBy: { listId: 'list-5', decisionNo: '12/QĐ-UBND' } } : {}) }, noted(`c${index}`)], {
        metadata: { ...TEST_METADATA, actorId: `officer-${index}` },
        recordedAt: `2020-05-2${index}T0${index}:00:00.000Z`,
      }),
    );
    await Promise.all(requests.map((request) => store.append(request)));
    expect(await transactionsOf(streams.slice(1))).toBe(1);
    for (const [index, streamId] of streams.entries()) {
      const rows = await store.readRawStream(streamId);
      expect(rows.map((row) => [row.metadata.actorId, row.metadata.commandId, row.recordedAt])).toEqual(
        Array(3).fill([`officer-${index}`, requests[index].commandId, `2020-05-2${index}T0${index}:00:00.000Z`]),
      );
      expect(rows.map((row) => row.metadata.listId ?? null)).toEqual(index === 5 ? [null, 'list-5', null] : [null, null, null]);
      expect(verifyChain(rows)).toBeNull();
    }
  });

  it('two appends of one stream never share a statement: one wins, the other is a ConcurrencyError', async () => {
    const contested = uniqueStream('contested');
    const others = Array.from({ length: 5 }, () => uniqueStream('bystander'));
    const results = await settle([
      store.append(single(uniqueStream('first'), EMPTY, [noted('first')])),
      store.append(single(contested, EMPTY, [noted('a')])),
      ...others.map((streamId) => store.append(single(streamId, EMPTY, [noted('b')]))),
      store.append(single(contested, EMPTY, [noted('c')])),
    ]);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1);
    expect((results[results.length - 1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    expect((await store.readStream(contested)).map((event) => event.data.subject)).toEqual(['a']);
    for (const streamId of others) expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('a stale head in a shared statement fails that append alone', async () => {
    const moved = uniqueStream('moved');
    await store.append(single(moved, EMPTY, [noted('m1')]));
    const fresh = uniqueStream('fresh');
    const results = await settle([
      store.append(single(uniqueStream('first'), EMPTY, [noted('first')])),
      store.append(single(moved, EMPTY, [noted('stale')])),
      store.append(single(fresh, EMPTY, [noted('ok')])),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ streamId: moved, expectedVersion: 0 });
    expect(await store.readStream(moved)).toHaveLength(1);
    expect(await store.readStream(fresh)).toHaveLength(1);
  });

  it('a repeated command id in a shared statement gets the first result back; its neighbours go in', async () => {
    const commandId = randomUUID();
    const original = uniqueStream('original');
    await store.append(single(original, EMPTY, [noted('o')], { commandId, result: { first: true } }));
    const neighbour = uniqueStream('neighbour');
    const [, repeat, other] = await Promise.all([
      store.append(single(uniqueStream('first'), EMPTY, [noted('first')])),
      store.append(single(uniqueStream('elsewhere'), EMPTY, [noted('again')], { commandId, result: { first: false } })),
      store.append(single(neighbour, EMPTY, [noted('n')])),
    ]);
    expect(repeat).toEqual({ duplicate: true, result: { first: true } });
    expect(other.duplicate).toBe(false);
    expect(await store.readStream(neighbour)).toHaveLength(1);
  });

  it('a writer elsewhere racing one append of a shared statement: that append fails, the others are stored', async () => {
    const raced = uniqueStream('raced');
    const bystander = uniqueStream('bystander');
    let rival: Client | undefined;
    try {
      rival = await connect(db.url);
      // The rival's row holds the unique key (raced, 1) until it commits.
      await rival.query('BEGIN');
      await rival.query(
        `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash)
         VALUES (gen_random_uuid(), $1, 1, 'ContractNoteRecorded', 1, '{}', '{}', now(), 'rival')`,
        [raced],
      );
      const pending = settle([
        store.append(single(uniqueStream('first'), EMPTY, [noted('first')])),
        store.append(single(raced, EMPTY, [noted('ours')])),
        store.append(single(bystander, EMPTY, [noted('bystander')])),
      ]);
      // Wait until our shared statement is blocked on the rival's key, then let the rival win.
      for (let waited = 0; waited < 10_000; waited += 20) {
        const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        if (rows[0].n > 0) break;
        await sleep(20);
      }
      await rival.query('COMMIT');
      const results = await pending;
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
      expect((await store.readStream(raced)).map((event) => event.hash)).toEqual(['rival']);
      expect(await store.readStream(bystander)).toHaveLength(1);
    } finally {
      await rival?.end();
    }
  });
});
