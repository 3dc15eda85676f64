import { randomUUID } from 'node:crypto';
import { EventTypeRegistry, PostgresEventStore, type NewEvent } from '@lib/event-store';
import { generateSigningKey, signAnchor, signingKeyFromPem, type AnchorFromFile, type AnchorSigningKey } from '@lib/platform';
import { createTestDatabase, testAnchorDir, type TestDatabase } from '@lib/testing';
import { AnchorSigner } from '../anchoring/anchor-signer';
import { anchorsAfter } from '../anchoring/anchor-table';
import { AnchorVerifier } from './anchor-verifier';
import type { Mismatch } from './mismatch';

const NOTE = 'VerifierTestNoted';
const note = (label: string): NewEvent => ({ type: NOTE, data: { label } });
const freshKey = (): AnchorSigningKey => signingKeyFromPem(generateSigningKey().privateKeyPem, 'test');

/**
 * AnchorVerifier on PostgreSQL, below the CLI: which streams it names for each kind of change,
 * and what it makes of anchors that are missing, altered or contradict each other.
 */
describe('AnchorVerifier (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let anchors: ReturnType<typeof testAnchorDir>;
  const key = freshKey();
  const trusted = new Map([[key.keyId, key.publicKey]]);
  const ranges: string[][] = [];
  /** What the operator kept: the anchors as GET /anchors answered them (no streams: the database's copy is checked). */
  let kept: AnchorFromFile[];

  const append = async (streamId: string, count: number) => {
    for (let n = 0; n < count; n += 1) {
      const stored = await store.readStream(streamId);
      await store.append({
        commandId: randomUUID(), recordedAt: '2020-05-20T03:00:00.000Z', metadata: { actorId: 'a', role: null, ward: null, correlationId: 'c', causationId: null },
        appends: [{ streamId, expected: { version: stored.length, hash: stored.at(-1)?.hash ?? null }, events: [note(`${streamId} ${stored.length + 1}`)] }], result: {},
      });
    }
  };

  const anchorEverything = async (signer: AnchorSigner) => {
    const total = Number((await db.pool.query('SELECT count(*) FROM events')).rows[0].count);
    for (let attempt = 0; attempt < 600; attempt += 1) {
      await signer.signPending();
      if (((await anchorsAfter(db.pool, 0, 100_000)).at(-1)?.position ?? 0) >= total) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the anchors never caught up');
  };

  const asSuperuser = async (sql: string, params: unknown[] = []) => {
    const client = await db.pool.connect();
    try {
      await client.query('SET session_replication_role = replica');
      await client.query(sql, params);
      await client.query('RESET session_replication_role');
    } finally {
      client.release();
    }
  };

  const verify = (files = kept, keys = trusted) => new AnchorVerifier(db.pool, keys).verify(files);
  const named = (mismatches: Mismatch[]) => [...new Set(mismatches.map((m) => m.streamId ?? 'log'))].sort();

  beforeAll(async () => {
    db = await createTestDatabase('anchor_verifier', 4);
    store = new PostgresEventStore(db.pool, new EventTypeRegistry().register({ [NOTE]: 1 }));
    anchors = testAnchorDir();
    const signer = new AnchorSigner(db.pool, { key, dir: anchors.dir });
    // Three ranges, each with streams of its own and one stream running through all of them.
    for (let range = 0; range < 3; range += 1) {
      const streams = [`range${range}-a-${randomUUID()}`, `range${range}-b-${randomUUID()}`];
      for (const streamId of streams) await append(streamId, 2);
      await append('running-through', 1);
      ranges.push(streams);
      await anchorEverything(signer);
    }
    kept = (await anchorsAfter(db.pool, 0, 1000)).map((anchor) => ({ anchor, file: 'GET /anchors', hasStreams: false }));
  });
  afterAll(async () => {
    anchors.remove();
    await db.drop();
  });

  /** Takes the rows of a stream away and puts them back after `run`. */
  const scenario = async (streamIds: string[], tamper: () => Promise<void>, run: () => Promise<void>) => {
    const { rows } = await db.pool.query(`SELECT *, transaction_id::text AS transaction_id FROM events WHERE stream_id = ANY($1)`, [streamIds]);
    await tamper();
    try {
      await run();
    } finally {
      await asSuperuser(`DELETE FROM events WHERE stream_id = ANY($1)`, [streamIds]);
      await asSuperuser(`INSERT INTO events OVERRIDING SYSTEM VALUE SELECT * FROM jsonb_populate_recordset(NULL::events, $1)`, [JSON.stringify(rows)]);
    }
  };

  it('passes an intact log, every anchor checked', async () => {
    const report = await verify();
    expect(report).toEqual({ anchors: kept.length, covered: kept.at(-1)!.anchor.position, mismatches: [] });
    expect(kept.length).toBeGreaterThanOrEqual(3);
  });

  it('names only the stream of an event removed from the first range, not the streams of later ranges (ranges end at events, not counts)', async () => {
    const [victim] = ranges[0];
    await scenario([victim], () => asSuperuser(`DELETE FROM events WHERE stream_id = $1 AND stream_version = 1`, [victim]), async () => {
      const { mismatches } = await verify();
      expect(named(mismatches)).toEqual(['log', victim].sort());
      // The signer reads below the oldest transaction open anywhere on the server, so with other
      // suites running an anchor can end inside the range, after the removed event itself.
      const detail = /commits to version 2, the log has version 2|places in the log order differ|commits to version 1 of this stream, but the log holds none of its events/;
      expect(mismatches.find((m) => m.streamId === victim)).toMatchObject({ detail: expect.stringMatching(detail) });
    });
  });

  it('names a stream whose event was slipped in among covered ones (an old transaction id); the log hash fails too', async () => {
    const intruder = `intruder-${randomUUID()}`;
    const [first] = (await db.pool.query(`SELECT transaction_id::text AS transaction_id FROM events ORDER BY events.transaction_id LIMIT 1`)).rows;
    try {
      await asSuperuser(
        `INSERT INTO events (transaction_id, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash)
         SELECT $1::xid8, gen_random_uuid(), $2, 1, type, schema_version, data, metadata, recorded_at, hash FROM events ORDER BY global_position LIMIT 1`,
        [first.transaction_id, intruder],
      );
      const { mismatches } = await verify();
      expect(named(mismatches)).toEqual(['log', intruder].sort());
      expect(mismatches.find((m) => m.streamId === intruder)!.detail).toMatch(/committed to none \(added or moved\)/);
    } finally {
      await asSuperuser(`DELETE FROM events WHERE stream_id = $1`, [intruder]);
    }
  });

  it('names the streams whose events were cut off the end of the log, and says how short the log is', async () => {
    const last = ranges[2];
    await scenario([...last, 'running-through'], () => asSuperuser(`DELETE FROM events WHERE stream_id = ANY($1) OR (stream_id = 'running-through' AND stream_version = 3)`, [last]), async () => {
      const { mismatches } = await verify();
      expect(named(mismatches)).toEqual(['log', ...last, 'running-through'].sort());
      expect(mismatches[0]).toMatchObject({ kind: 'anchor', detail: expect.stringMatching(/^the log holds \d+ events, but the anchor at position \d+ covers \d+: events were removed/), vi: expect.stringMatching(/^sổ chỉ có \d+ sự kiện/) });
    });
  });

  it('with the database\'s stream commitments altered and no files holding them, still fails on the log hash and says the streams cannot be named', async () => {
    const [victim] = ranges[1];
    const target = kept[1].anchor.position;
    const { rows: [saved] } = await db.pool.query(`SELECT * FROM anchor_streams WHERE anchor_position = $1 ORDER BY ordinal LIMIT 1`, [target]);
    await asSuperuser(`UPDATE anchor_streams SET hash = 'forged' WHERE anchor_position = $1 AND ordinal = 0`, [target]);
    try {
      await scenario([victim], () => asSuperuser(`UPDATE events SET hash = 'forged' WHERE stream_id = $1 AND stream_version = 2`, [victim]), async () => {
        const { mismatches } = await verify();
        expect(mismatches.map((m) => m.detail)).toEqual(expect.arrayContaining([
          expect.stringMatching(/^the first \d+ events of the log do not hash to the anchor/),
          `the streams the anchor at position ${target} commits to are not available (the database's copy was altered): a changed stream in its range cannot be named`,
        ]));
      });
    } finally {
      await asSuperuser(`UPDATE anchor_streams SET hash = $2 WHERE anchor_position = $1 AND ordinal = 0`, [target, saved.hash]);
    }
  });

  it('reports an anchor the operator kept that the database no longer has, and one the database holds differently', async () => {
    const [first, second] = kept;
    const { rows: saved } = await db.pool.query(`SELECT *, last_transaction_id::text AS last_transaction_id FROM anchors WHERE position = $1`, [second.anchor.position]);
    const { rows: savedStreams } = await db.pool.query(`SELECT * FROM anchor_streams WHERE anchor_position = $1`, [second.anchor.position]);
    await asSuperuser(`DELETE FROM anchor_streams WHERE anchor_position = $1`, [second.anchor.position]);
    await asSuperuser(`DELETE FROM anchors WHERE position = $1`, [second.anchor.position]);
    await asSuperuser(`UPDATE anchors SET signed_at = signed_at + interval '1 hour' WHERE position = $1`, [first.anchor.position]);
    try {
      const details = (await verify()).mismatches.map((m) => m.detail);
      expect(details).toContain(`the anchor at position ${second.anchor.position} is missing from the database's anchors table`);
      expect(details).toContain(`the database's copy of the anchor at position ${first.anchor.position} differs from the signed one`);
    } finally {
      await asSuperuser(`UPDATE anchors SET signed_at = signed_at - interval '1 hour' WHERE position = $1`, [first.anchor.position]);
      await asSuperuser(`INSERT INTO anchors SELECT * FROM jsonb_populate_recordset(NULL::anchors, $1)`, [JSON.stringify(saved)]);
      await asSuperuser(`INSERT INTO anchor_streams SELECT * FROM jsonb_populate_recordset(NULL::anchor_streams, $1)`, [JSON.stringify(savedStreams)]);
    }
    expect((await verify()).mismatches).toEqual([]);
  });

  it('checks neither of two validly signed anchors that disagree at one position (a shared or stolen key), and says so', async () => {
    const [, second] = kept;
    const { signature: _, ...unsigned } = second.anchor;
    const other = signAnchor({ ...unsigned, logHash: 'e'.repeat(64) }, key);
    const { mismatches } = await verify([...kept, { anchor: other, file: 'elsewhere.json', hasStreams: false }]);
    expect(mismatches.map((m) => m.detail)).toEqual([`two validly signed anchors at position ${second.anchor.position} disagree: neither is checked (was a signing key shared or stolen?)`]);
  });
});
