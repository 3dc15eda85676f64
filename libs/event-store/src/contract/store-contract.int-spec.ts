import { randomUUID } from 'node:crypto';
import type { StoreTestDatabase as TestDatabase } from '../testing/store-fixtures';
import { ConcurrencyError, headOf, type AppendOutcome, type StreamHead } from '../event-store';
import { verifyChain } from '../hash-chain';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import {
  createSuiteDatabase,
  EMPTY,
  fulfilled,
  rejectedWith,
  request,
  settle,
  single,
  storeOn,
  uniqueStream,
  noted,
} from '../testing/store-fixtures';

const PARALLEL = 50;
const ROUNDS = 20;

// jest.config.js sets testTimeout on the integration project, where Jest ignores it; this is that intended hang guard.
jest.setTimeout(60_000);

describe('PostgresEventStore contract (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createSuiteDatabase('store_contract', PARALLEL);
    store = storeOn(db.pool);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const versionsOf = async (streamId: string): Promise<number[]> =>
    (await db.pool.query('SELECT stream_version FROM events WHERE stream_id = $1 ORDER BY stream_version', [streamId])).rows.map((row) => row.stream_version);
  const countRows = async (streamId: string): Promise<number> =>
    Number((await db.pool.query('SELECT count(*) FROM events WHERE stream_id = $1', [streamId])).rows[0].count);
  const commandsRecorded = async (commandIds: string[]): Promise<number> =>
    Number((await db.pool.query('SELECT count(*) FROM processed_commands WHERE command_id = ANY($1)', [commandIds])).rows[0].count);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

  describe('optimistic concurrency', () => {
    it(`${PARALLEL} parallel appends at one expected version: exactly one wins, ${ROUNDS} times over, versions 1..n without holes`, async () => {
      const streamId = uniqueStream('contended');
      for (let round = 1; round <= ROUNDS; round += 1) {
        const head = headOf(await store.readStream(streamId));
        expect(head.version).toBe(round - 1);
        // Every other round the caller names only the version and lets the store look up the hash.
        const expected: StreamHead = round % 2 === 0 ? { version: head.version, hash: null } : head;
        const requests = range(1, PARALLEL).map((contender) => single(streamId, expected, [noted(`round ${round} contender ${contender}`)]));
        const results = await settle(requests.map((req) => store.append(req)));

        const winners = fulfilled(results);
        const losers = rejectedWith(results);
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(PARALLEL - 1);
        expect(losers.filter((loser) => !(loser instanceof ConcurrencyError)).map(String)).toEqual([]);
        for (const loser of losers) expect(loser).toMatchObject({ streamId, expectedVersion: round - 1 });
        const winner = winners[0] as Extract<AppendOutcome, { duplicate: false }>;
        expect(winner.duplicate).toBe(false);
        expect(winner.heads[streamId].version).toBe(round);

        // The stored event is the winner's, and only the winner's command was recorded.
        const winningRequest = requests[results.findIndex((result) => result.status === 'fulfilled')];
        const stored = await store.readStream(streamId);
        expect(stored.map((event) => event.streamVersion)).toEqual(range(1, round));
        expect(stored[round - 1]).toMatchObject({ position: winner.positions[0], data: winningRequest.appends[0].events[0].data });
        expect(stored[round - 1].hash).toBe(winner.heads[streamId].hash);
        expect(await commandsRecorded(requests.map((req) => req.commandId))).toBe(1);
      }
      expect(await versionsOf(streamId)).toEqual(range(1, ROUNDS));
      expect(await countRows(streamId)).toBe(ROUNDS);
      expect(verifyChain(await store.readRawStream(streamId))).toBeNull();
    });

    it('a loser records nothing, so it can retry the same command id from a fresh read', async () => {
      const streamId = uniqueStream('retry');
      await store.append(single(streamId, EMPTY, [noted('first')]));
      const stale = single(streamId, EMPTY, [noted('stale')]);
      await expect(store.append(stale)).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await commandsRecorded([stale.commandId])).toBe(0);

      const fresh = headOf(await store.readStream(streamId));
      const retried = await store.append({ ...stale, appends: [{ streamId, expected: fresh, events: stale.appends[0].events }] });
      expect(retried.duplicate).toBe(false);
      expect(await versionsOf(streamId)).toEqual([1, 2]);
    });

    it('an expected version the stream has not reached is refused and leaves no hole', async () => {
      const streamId = uniqueStream('ahead');
      const first = await store.append(single(streamId, EMPTY, [noted('v1')]));
      const head = (first as Extract<AppendOutcome, { duplicate: false }>).heads[streamId];

      // Version 5 with a hash the caller made up, and version 5 with no hash at all.
      await expect(store.append(single(streamId, { version: 5, hash: head.hash }, [noted('v6?')]))).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(store.append(single(streamId, { version: 5, hash: null }, [noted('v6?')]))).rejects.toBeInstanceOf(ConcurrencyError);
      // An empty stream named at version 3.
      const empty = uniqueStream('ahead-empty');
      await expect(store.append(single(empty, { version: 3, hash: 'f'.repeat(64) }, [noted('v4?')]))).rejects.toBeInstanceOf(ConcurrencyError);

      expect(await versionsOf(streamId)).toEqual([1]);
      expect(await countRows(empty)).toBe(0);
    });

    it('an expected head whose hash is not the stored one is refused, so the chain cannot be forked', async () => {
      const streamId = uniqueStream('wrong-hash');
      await store.append(single(streamId, EMPTY, [noted('v1')]));
      await expect(store.append(single(streamId, { version: 1, hash: 'a'.repeat(64) }, [noted('v2')]))).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await versionsOf(streamId)).toEqual([1]);

      await store.append(single(streamId, headOf(await store.readStream(streamId)), [noted('v2')]));
      expect(verifyChain(await store.readRawStream(streamId))).toBeNull();
    });
  });

  describe('multi-event append', () => {
    it('stores one row per event, consecutive versions, in one statement', async () => {
      // Counts the rows each INSERT statement put into events (transition table), in this test only.
      await db.pool.query(`CREATE TABLE insert_statements (rows integer NOT NULL, streams text[] NOT NULL)`);
      await db.pool.query(`
        CREATE FUNCTION count_insert_statement() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO insert_statements SELECT count(*), array_agg(DISTINCT stream_id) FROM inserted;
          RETURN NULL;
        END $$`);
      await db.pool.query(`CREATE TRIGGER count_insert_statement AFTER INSERT ON events REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION count_insert_statement()`);
      try {
        const streamId = uniqueStream('multi');
        await store.append(single(streamId, EMPTY, [noted('only')]));
        const head = headOf(await store.readStream(streamId));
        const outcome = await store.append(single(streamId, head, [noted('a'), noted('b'), noted('c')]));
        expect(outcome.duplicate).toBe(false);

        const { rows } = await db.pool.query(
          `SELECT stream_version, global_position, transaction_id::text AS txid, data->>'subject' AS label
             FROM events WHERE stream_id = $1 ORDER BY stream_version`,
          [streamId],
        );
        expect(rows.map((row) => row.stream_version)).toEqual([1, 2, 3, 4]);
        expect(rows.map((row) => row.label)).toEqual(['only', 'a', 'b', 'c']);
        const appended = rows.slice(1);
        expect(new Set(appended.map((row) => row.txid)).size).toBe(1);
        expect(appended.map((row) => Number(row.global_position))).toEqual((outcome as Extract<AppendOutcome, { duplicate: false }>).positions);
        const positions = appended.map((row) => Number(row.global_position));
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);

        const statements = (await db.pool.query(`SELECT rows, streams FROM insert_statements`)).rows;
        expect(statements).toEqual([
          { rows: 1, streams: [streamId] },
          { rows: 3, streams: [streamId] },
        ]);

        // Two streams in one request: still one statement, one transaction.
        const other = uniqueStream('multi-other');
        await store.append(request([
          { streamId, expected: headOf(await store.readStream(streamId)), events: [noted('d')] },
          { streamId: other, expected: EMPTY, events: [noted('x'), noted('y')] },
        ]));
        const last = (await db.pool.query(`SELECT rows, streams FROM insert_statements OFFSET 2`)).rows;
        expect(last).toEqual([{ rows: 3, streams: [streamId, other].sort() }]);
      } finally {
        await db.pool.query(`DROP TRIGGER count_insert_statement ON events`);
        await db.pool.query(`DROP FUNCTION count_insert_statement`);
        await db.pool.query(`DROP TABLE insert_statements`);
      }
    });
  });

  describe('read-your-writes', () => {
    it('readStream right after append returns what was appended, at the heads append reported', async () => {
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const streamId = uniqueStream('ryw');
        const events = [noted(`ryw ${attempt} a`), noted(`ryw ${attempt} b`)];
        const outcome = (await store.append(single(streamId, EMPTY, events))) as Extract<AppendOutcome, { duplicate: false }>;
        const read = await store.readStream(streamId);
        expect(read.map((event) => event.data)).toEqual(events.map((event) => event.data));
        expect(read.map((event) => event.position)).toEqual(outcome.positions);
        expect(headOf(read)).toEqual(outcome.heads[streamId]);
        expect(read.every((event) => event.metadata.commandId !== undefined && event.storedSchemaVersion === 1)).toBe(true);

        const next = (await store.append(single(streamId, outcome.heads[streamId], [noted(`ryw ${attempt} c`)]))) as Extract<AppendOutcome, { duplicate: false }>;
        expect(headOf(await store.readStream(streamId))).toEqual(next.heads[streamId]);
      }
    });
  });

  describe('multi-stream append', () => {
    const prepared = async () => {
      const application = uniqueStream('application');
      const beneficiary = uniqueStream('beneficiary');
      await store.append(single(application, EMPTY, [noted('app v1')]));
      await store.append(single(beneficiary, EMPTY, [noted('ben v1')]));
      return {
        application,
        beneficiary,
        appHead: headOf(await store.readStream(application)),
        benHead: headOf(await store.readStream(beneficiary)),
      };
    };

    it('appends to both streams in one transaction', async () => {
      const { application, beneficiary, appHead, benHead } = await prepared();
      const outcome = (await store.append(request([
        { streamId: application, expected: appHead, events: [noted('app v2'), noted('app v3')] },
        { streamId: beneficiary, expected: benHead, events: [noted('ben v2')] },
      ]))) as Extract<AppendOutcome, { duplicate: false }>;
      expect(outcome.heads[application].version).toBe(3);
      expect(outcome.heads[beneficiary].version).toBe(2);
      const { rows } = await db.pool.query(
        `SELECT DISTINCT transaction_id::text FROM events WHERE (stream_id = $1 AND stream_version > 1) OR (stream_id = $2 AND stream_version > 1)`,
        [application, beneficiary],
      );
      expect(rows).toHaveLength(1);
      expect(verifyChain(await store.readRawStream(application))).toBeNull();
      expect(verifyChain(await store.readRawStream(beneficiary))).toBeNull();
    });

    it.each([
      ['the first', 'application'],
      ['the second', 'beneficiary'],
    ] as const)('a conflict on %s stream appends nothing to either', async (_, conflicted) => {
      const streams = await prepared();
      const conflictedId = streams[conflicted];
      // Someone else moves the conflicted stream on.
      await store.append(single(conflictedId, conflicted === 'application' ? streams.appHead : streams.benHead, [noted('concurrent')]));
      const before = { application: await countRows(streams.application), beneficiary: await countRows(streams.beneficiary) };

      const stale = request([
        { streamId: streams.application, expected: streams.appHead, events: [noted('app next'), noted('app next 2')] },
        { streamId: streams.beneficiary, expected: streams.benHead, events: [noted('ben next')] },
      ]);
      const error = await store.append(stale).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ streamId: conflictedId, expectedVersion: 1 });

      expect({ application: await countRows(streams.application), beneficiary: await countRows(streams.beneficiary) }).toEqual(before);
      expect(await commandsRecorded([stale.commandId])).toBe(0);
    });

    it('two requests naming the same two streams in opposite order, forced to interleave: one wins, the other gets ConcurrencyError', async () => {
      // Every row of a 'crossed-' stream waits a moment before it is inserted, so each request
      // has its first row in when it goes for its second: the classic lock-order deadlock.
      await db.pool.query(`
        CREATE FUNCTION slow_crossed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.stream_id LIKE 'crossed-%' THEN PERFORM pg_sleep(0.1); END IF;
          RETURN NEW;
        END $$`);
      await db.pool.query(`CREATE TRIGGER slow_crossed_rows BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION slow_crossed_rows()`);
      try {
        const first = uniqueStream('crossed-a');
        const second = uniqueStream('crossed-b');
        const forward = request([
          { streamId: first, expected: EMPTY, events: [noted('a forward')] },
          { streamId: second, expected: EMPTY, events: [noted('b forward')] },
        ]);
        const backward = request([
          { streamId: second, expected: EMPTY, events: [noted('b backward')] },
          { streamId: first, expected: EMPTY, events: [noted('a backward')] },
        ]);
        const results = await settle([store.append(forward), store.append(backward)]);
        expect(fulfilled(results)).toHaveLength(1);
        const losers = rejectedWith(results);
        expect(losers).toHaveLength(1);
        expect(losers[0]).toBeInstanceOf(ConcurrencyError);
        expect(await versionsOf(first)).toEqual([1]);
        expect(await versionsOf(second)).toEqual([1]);
        const { rows } = await db.pool.query(`SELECT DISTINCT metadata->>'commandId' AS command FROM events WHERE stream_id IN ($1, $2)`, [first, second]);
        expect(rows).toHaveLength(1);
      } finally {
        await db.pool.query(`DROP TRIGGER slow_crossed_rows ON events`);
        await db.pool.query(`DROP FUNCTION slow_crossed_rows`);
      }
    });

    it('parallel requests naming the same two streams in opposite order: exactly one wins, the others get ConcurrencyError', async () => {
      for (let round = 0; round < 5; round += 1) {
        const first = uniqueStream('pair-a');
        const second = uniqueStream('pair-b');
        const contenders = range(1, 10).map((contender) =>
          contender % 2 === 0
            ? request([
                { streamId: first, expected: EMPTY, events: [noted(`a by ${contender}`)] },
                { streamId: second, expected: EMPTY, events: [noted(`b by ${contender}`)] },
              ])
            : request([
                { streamId: second, expected: EMPTY, events: [noted(`b by ${contender}`)] },
                { streamId: first, expected: EMPTY, events: [noted(`a by ${contender}`)] },
              ]),
        );
        const results = await settle(contenders.map((req) => store.append(req)));
        expect(fulfilled(results)).toHaveLength(1);
        const losers = rejectedWith(results);
        expect(losers).toHaveLength(contenders.length - 1);
        expect(losers.filter((loser) => !(loser instanceof ConcurrencyError)).map(String)).toEqual([]);
        expect(await versionsOf(first)).toEqual([1]);
        expect(await versionsOf(second)).toEqual([1]);
        // Both rows came from the same request.
        const { rows } = await db.pool.query(`SELECT DISTINCT metadata->>'commandId' AS command FROM events WHERE stream_id IN ($1, $2)`, [first, second]);
        expect(rows).toHaveLength(1);
      }
    });
  });

  describe('time travel', () => {
    it('readStream stops at toVersion and at asOf', async () => {
      const streamId = uniqueStream('travel');
      const times = ['2020-05-10T01:00:00.000Z', '2020-05-12T01:00:00.000Z', '2020-05-14T01:00:00.000Z'];
      let head = EMPTY;
      for (const [index, recordedAt] of times.entries()) {
        const outcome = (await store.append(single(streamId, head, [noted(`v${index + 1}`)], { recordedAt }))) as Extract<AppendOutcome, { duplicate: false }>;
        head = outcome.heads[streamId];
      }
      const versions = async (options: Parameters<PostgresEventStore['readStream']>[1]) =>
        (await store.readStream(streamId, options)).map((event) => event.streamVersion);

      expect(await versions({})).toEqual([1, 2, 3]);
      expect(await versions({ toVersion: 2 })).toEqual([1, 2]);
      expect(await versions({ toVersion: 0 })).toEqual([]);
      expect(await versions({ toVersion: 10 })).toEqual([1, 2, 3]);
      expect(await versions({ asOf: times[1] })).toEqual([1, 2]);
      expect(await versions({ asOf: '2020-05-11T00:00:00.000Z' })).toEqual([1]);
      expect(await versions({ asOf: '2020-05-12T08:00:00+07:00' })).toEqual([1, 2]);
      expect(await versions({ asOf: '2020-05-09T00:00:00.000Z' })).toEqual([]);
      expect(await versions({ toVersion: 1, asOf: times[2] })).toEqual([1]);
      expect(await versions({ toVersion: 3, asOf: times[1] })).toEqual([1, 2]);

      const asOf = await store.readStream(streamId, { asOf: times[1] });
      expect(asOf.map((event) => event.recordedAt)).toEqual(times.slice(0, 2));
      expect(asOf[1].data).toMatchObject({ subject: 'v2' });
    });

    it('an unknown stream reads as empty', async () => {
      expect(await store.readStream(`never-${randomUUID()}`)).toEqual([]);
    });
  });
});
