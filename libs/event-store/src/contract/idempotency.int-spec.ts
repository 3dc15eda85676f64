import { randomUUID } from 'node:crypto';
import type { StoreTestDatabase as TestDatabase } from '../testing/store-fixtures';
import { headOf, type AppendOutcome } from '../event-store';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import { createSuiteDatabase, EMPTY, fulfilled, request, settle, single, storeOn, uniqueStream, noted } from '../testing/store-fixtures';

const CONCURRENT = 20;

// jest.config.js sets testTimeout on the integration project, where Jest ignores it; this is that intended hang guard.
jest.setTimeout(60_000);

describe('PostgresEventStore idempotency (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createSuiteDatabase('store_idempotency', CONCURRENT);
    store = storeOn(db.pool);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const rowsOf = async (streamId: string) =>
    (await db.pool.query(`SELECT stream_version, data, metadata FROM events WHERE stream_id = $1 ORDER BY stream_version`, [streamId])).rows;
  const commandRows = async (commandId: string): Promise<number> =>
    Number((await db.pool.query('SELECT count(*) FROM processed_commands WHERE command_id = $1', [commandId])).rows[0].count);

  it('the same command id twice appends once; the repeat returns the first result', async () => {
    const streamId = uniqueStream('idem');
    const commandId = randomUUID();
    const first = await store.append(single(streamId, EMPTY, [noted('first a'), noted('first b')], { commandId, result: { id: 'app-1', version: 2 } }));
    expect(first).toMatchObject({ duplicate: false, result: { id: 'app-1', version: 2 } });

    // The repeat carries other events, another result, and an expected version that is stale by now.
    const repeat = await store.append(single(streamId, EMPTY, [noted('second')], { commandId, result: { id: 'app-1', version: 99 } }));
    expect(repeat).toEqual({ duplicate: true, result: { id: 'app-1', version: 2 } });

    const rows = await rowsOf(streamId);
    expect(rows.map((row) => row.data.subject)).toEqual(['first a', 'first b']);
    expect(rows.every((row) => row.metadata.commandId === commandId)).toBe(true);
    expect(await commandRows(commandId)).toBe(1);
    expect(await store.findCommand(commandId)).toEqual({ id: 'app-1', version: 2 });
  });

  it('a repeat at the current head (a client that re-read and retried) still appends nothing', async () => {
    const streamId = uniqueStream('idem-fresh');
    const commandId = randomUUID();
    await store.append(single(streamId, EMPTY, [noted('once')], { commandId, result: { n: 1 } }));
    const head = headOf(await store.readStream(streamId));
    const repeat = await store.append(single(streamId, head, [noted('twice?')], { commandId, result: { n: 2 } }));
    expect(repeat).toEqual({ duplicate: true, result: { n: 1 } });
    expect((await rowsOf(streamId)).map((row) => row.data.subject)).toEqual(['once']);
  });

  it('a repeat of a multi-stream command appends nothing to any stream', async () => {
    const application = uniqueStream('idem-app');
    const beneficiary = uniqueStream('idem-ben');
    const commandId = randomUUID();
    const appends = [
      { streamId: application, expected: EMPTY, events: [noted('app')] },
      { streamId: beneficiary, expected: EMPTY, events: [noted('ben')] },
    ];
    await store.append(request(appends, { commandId, result: { first: true } }));
    expect(await store.append(request(appends, { commandId, result: { first: false } }))).toEqual({ duplicate: true, result: { first: true } });
    expect(await rowsOf(application)).toHaveLength(1);
    expect(await rowsOf(beneficiary)).toHaveLength(1);
  });

  it(`${CONCURRENT} concurrent appends with one command id: one set of events, every caller gets the same result`, async () => {
    for (let round = 0; round < 5; round += 1) {
      const streamId = uniqueStream('idem-race');
      const commandId = randomUUID();
      // Each caller would append different events with a different result: only one may land.
      const callers = Array.from({ length: CONCURRENT }, (_, caller) =>
        single(streamId, EMPTY, [noted(`caller ${caller} a`), noted(`caller ${caller} b`)], { commandId, result: { caller } }),
      );
      const results = await settle(callers.map((req) => store.append(req)));
      const outcomes = fulfilled(results);
      expect(outcomes).toHaveLength(CONCURRENT);

      const originals = outcomes.filter((outcome): outcome is Extract<AppendOutcome, { duplicate: false }> => !outcome.duplicate);
      expect(originals).toHaveLength(1);
      const winner = (originals[0].result as { caller: number }).caller;
      for (const outcome of outcomes) expect(outcome.result).toEqual({ caller: winner });

      const rows = await rowsOf(streamId);
      expect(rows.map((row) => row.data.subject)).toEqual([`caller ${winner} a`, `caller ${winner} b`]);
      expect(rows.map((row) => row.stream_version)).toEqual([1, 2]);
      expect(await commandRows(commandId)).toBe(1);
      expect(await store.findCommand(commandId)).toEqual({ caller: winner });
    }
  });

  it('concurrent repeats spread over different streams still land once', async () => {
    const commandId = randomUUID();
    const streams = Array.from({ length: CONCURRENT }, (_, caller) => uniqueStream(`idem-spread-${caller}`));
    const results = await settle(streams.map((streamId, caller) => store.append(single(streamId, EMPTY, [noted(`caller ${caller}`)], { commandId, result: { caller } }))));
    const outcomes = fulfilled(results);
    expect(outcomes).toHaveLength(CONCURRENT);
    expect(outcomes.filter((outcome) => !outcome.duplicate)).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => JSON.stringify(outcome.result))).size).toBe(1);
    const { rows } = await db.pool.query(`SELECT stream_id FROM events WHERE metadata->>'commandId' = $1`, [commandId]);
    expect(rows).toHaveLength(1);
  });

  it('a command that appended no events is idempotent too: the repeat returns the original result', async () => {
    const streamId = uniqueStream('idem-none');
    const commandId = randomUUID();
    const first = await store.append(single(streamId, EMPTY, [], { commandId, result: { status: 'unchanged', at: 1 } }));
    expect(first).toMatchObject({ duplicate: false, result: { status: 'unchanged', at: 1 } });
    const repeat = await store.append(single(streamId, EMPTY, [], { commandId, result: { status: 'unchanged', at: 2 } }));
    expect(repeat).toEqual({ duplicate: true, result: { status: 'unchanged', at: 1 } });
    expect(await rowsOf(streamId)).toHaveLength(0);
    expect(await store.findCommand(commandId)).toEqual({ status: 'unchanged', at: 1 });
  });

  it('findCommand knows nothing of a command that never ran', async () => {
    expect(await store.findCommand(randomUUID())).toBeNull();
  });
});
