import type { StoreTestDatabase as TestDatabase } from '../testing/store-fixtures';
import { START, headOf, type Checkpoint } from '../event-store';
import { chainHash, verifyChain } from '../hash-chain';
import { LogFold, StreamSegment, type LogEntry, type LogPrefix, type StreamCommitment } from '../log-hash';
import { readLogEntries, scanLog } from '../postgres/log-entries';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import { asTamperer, connect, createSuiteDatabase, EMPTY, noted, single, storeOn, uniqueStream, waitForHorizon, withClient, TEST_METADATA, CONTRACT_EVENT } from '../testing/store-fixtures';

jest.setTimeout(60_000);

/**
 * The running log hash over the stored log (docs/ANCHORS.md): read in the gap-safe log order,
 * in pages of any size, extended from any prefix, it comes to the same hash; a prefix read while
 * a writer is in flight stays a prefix once it commits; and a superuser's rewrite that keeps
 * every stream's chain valid still changes it, naming the stream through its commitment.
 */
describe('running log hash over stored events (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createSuiteDatabase('store_log_hash', 4);
    store = storeOn(db.pool);
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** The prefix folded from `from` (zero by default), and the stream commitments of what was read. */
  const fold = async (pageSize = 1000, from: LogPrefix | undefined = undefined) => {
    const folding = new LogFold(from);
    const segment = new StreamSegment();
    await scanLog(db.pool, from?.last ?? START, pageSize, (entry) => {
      folding.add(entry);
      segment.add(entry);
    });
    return { prefix: folding.prefix, streams: () => segment.streams() };
  };

  const appendStream = async (prefix: string, events: number): Promise<string> => {
    const streamId = uniqueStream(prefix);
    await store.append(single(streamId, EMPTY, [noted(`${prefix} 1`)]));
    for (let version = 2; version <= events; version += 1) {
      await store.append(single(streamId, headOf(await store.readStream(streamId)), [noted(`${prefix} ${version}`)]));
    }
    return streamId;
  };

  /** Each stream's commitment over the whole log. */
  const commitments = async (): Promise<Map<string, StreamCommitment>> => new Map((await fold()).streams().map((stream) => [stream.streamId, stream]));

  const changedStreams = (before: Map<string, StreamCommitment>, after: Map<string, StreamCommitment>): string[] =>
    [...new Set([...before.keys(), ...after.keys()])].filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id))).sort();

  it('comes to the same prefix whatever the page size, and extends a prefix to the same hash as a fold from zero', async () => {
    for (let n = 0; n < 4; n += 1) await appendStream(`paged-${n}`, 3);
    await waitForHorizon(db.pool);
    const whole = (await fold()).prefix;
    expect(whole.events).toBe(Number((await db.pool.query('SELECT count(*) FROM events')).rows[0].count));
    for (const pageSize of [1, 2, 7]) expect((await fold(pageSize)).prefix).toEqual(whole);

    // A prefix of 5, then the rest read from where it ended.
    const head = new LogFold();
    for (const entry of await readLogEntries(db.pool, START, 5)) head.add(entry);
    expect(head.prefix.events).toBe(5);
    expect((await fold(3, head.prefix)).prefix).toEqual(whole);
  });

  it('stops below a writer still in flight, and what it read stays a prefix of the log once the writer commits', async () => {
    await appendStream('settled', 2);
    await waitForHorizon(db.pool);
    const writer = await connect(db.url);
    let whileHeld: LogPrefix;
    const later: string[] = [];
    try {
      // The held writer takes its transaction id and a position, then waits.
      await writer.query('BEGIN');
      await writer.query(
        `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash)
         VALUES (gen_random_uuid(), $1, 1, $2, 1, '{}', $3, now(), $4)`,
        [uniqueStream('held'), CONTRACT_EVENT, JSON.stringify({ ...TEST_METADATA, commandId: 'held' }), 'held'.padEnd(64, '0')],
      );
      for (let n = 0; n < 3; n += 1) later.push(await appendStream(`later-${n}`, 1));
      const folding = await fold(2);
      whileHeld = folding.prefix;
      expect(folding.streams().map((s) => s.streamId).filter((id) => later.includes(id))).toEqual([]);
      await writer.query('COMMIT');
    } finally {
      await writer.end();
    }
    await waitForHorizon(db.pool);

    // From zero, over the log as it now stands: the same hash at the same count.
    const atSameCount = new LogFold();
    await scanLog(db.pool, START, 4, (entry) => {
      if (atSameCount.prefix.events === whileHeld.events) return false;
      atSameCount.add(entry);
    });
    expect(atSameCount.prefix).toEqual(whileHeld);
    const now = await fold();
    expect(now.prefix.events).toBe(whileHeld.events + 4);
  });

  describe('as a superuser with the triggers off', () => {
    /** The stored rows of a stream, in version order, as the chain covers them. */
    const rowsOf = (streamId: string) => store.readRawStream(streamId);

    it('a rewritten event with every later hash of its stream recomputed passes the stream\'s chain, but not the log hash: only its stream\'s commitment differs', async () => {
      const victim = await appendStream('rewritten', 4);
      const bystander = await appendStream('bystander', 2);
      await waitForHorizon(db.pool);
      const before = await fold();
      const committed = await commitments();

      // The project's own chain function, from version 2 on.
      const rows = await rowsOf(victim);
      let previous = rows[0].hash;
      for (const row of rows.slice(1)) {
        const data = row.streamVersion === 2 ? { ...row.data, note: 'forged' } : row.data;
        const hash = chainHash(previous, { ...row, data });
        await asTamperer(db.url, `UPDATE events SET data = $3, hash = $4 WHERE stream_id = $1 AND stream_version = $2`, [victim, row.streamVersion, JSON.stringify(data), hash]);
        previous = hash;
      }
      expect(verifyChain(await rowsOf(victim))).toBeNull();

      const after = await fold();
      expect(after.prefix.events).toBe(before.prefix.events);
      expect(after.prefix.logHash).not.toBe(before.prefix.logHash);
      expect(changedStreams(committed, await commitments())).toEqual([victim]);
      expect(changedStreams(committed, await commitments())).not.toContain(bystander);
    });

    it('dropping a stream\'s last events leaves its chain valid, but changes the log hash and its commitment', async () => {
      const victim = await appendStream('truncated', 4);
      await waitForHorizon(db.pool);
      const committed = await commitments();
      const before = (await fold()).prefix;
      expect(await asTamperer(db.url, `DELETE FROM events WHERE stream_id = $1 AND stream_version > 2`, [victim])).toBe(2);
      expect(verifyChain(await rowsOf(victim))).toBeNull();
      const after = (await fold()).prefix;
      expect(after.events).toBe(before.events - 2);
      expect(changedStreams(committed, await commitments())).toEqual([victim]);
    });

    it('swapping two events\' global positions changes the log hash and names both streams', async () => {
      const first = await appendStream('swap-a', 1);
      const second = await appendStream('swap-b', 1);
      await waitForHorizon(db.pool);
      const committed = await commitments();
      const before = (await fold()).prefix;
      await withClient(db.url, async (client) => {
        await client.query('SET session_replication_role = replica');
        const { rows } = await client.query(`SELECT * FROM events WHERE stream_id = ANY($1) ORDER BY global_position`, [[first, second]]);
        await client.query('BEGIN');
        await client.query(`DELETE FROM events WHERE stream_id = ANY($1)`, [[first, second]]);
        for (const [row, other] of [[rows[0], rows[1]], [rows[1], rows[0]]]) {
          await client.query(
            `INSERT INTO events OVERRIDING SYSTEM VALUE SELECT $1, $2, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash
               FROM jsonb_populate_record(NULL::events, $3)`,
            [other.global_position, row.transaction_id, JSON.stringify(row)],
          );
        }
        await client.query('COMMIT');
      });
      const after = (await fold()).prefix;
      expect(after.events).toBe(before.events);
      expect(after.logHash).not.toBe(before.logHash);
      expect(changedStreams(committed, await commitments())).toEqual([first, second].sort());
    });
  });

  it('reads only the fields the hash covers, in (transaction id, position) order', async () => {
    const entries: LogEntry[] = await readLogEntries(db.pool, START, 10_000);
    const order = (await db.pool.query(`SELECT global_position FROM events WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY events.transaction_id, events.global_position`)).rows.map((row) => Number(row.global_position));
    expect(entries.map((entry) => entry.position)).toEqual(order);
    expect(Object.keys(entries[0]).sort()).toEqual(['hash', 'position', 'streamId', 'streamVersion', 'transactionId']);
    const after: Checkpoint = { transactionId: entries[1].transactionId, position: String(entries[1].position) };
    expect((await readLogEntries(db.pool, after, 2)).map((entry) => entry.position)).toEqual(order.slice(2, 4));
  });
});
