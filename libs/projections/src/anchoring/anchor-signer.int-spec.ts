import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventTypeRegistry, LogFold, PostgresEventStore, START, scanLog, streamsHash, type NewEvent } from '@lib/event-store';
import { anchorFileName, generateSigningKey, signingKeyFromPem, verifyAnchorSignature, type AnchorSigningKey } from '@lib/platform';
import { createTestDatabase, testAnchorDir, type TestDatabase } from '@lib/testing';
import { AnchorSigner, AnchorsDisagree } from './anchor-signer';
import { anchorStreams, anchorsAfter } from './anchor-table';
import { AnchoringLoop } from './anchoring-loop';

const NOTE = 'AnchorTestNoted';
const note = (label: string): NewEvent => ({ type: NOTE, data: { label } });
const freshKey = (): AnchorSigningKey => signingKeyFromPem(generateSigningKey().privateKeyPem, 'test');

describe('AnchorSigner (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let anchors: ReturnType<typeof testAnchorDir>;
  const key = freshKey();

  beforeAll(async () => {
    db = await createTestDatabase('anchor_signer', 4);
    store = new PostgresEventStore(db.pool, new EventTypeRegistry().register({ [NOTE]: 1 }));
    anchors = testAnchorDir();
  });
  afterAll(async () => {
    anchors.remove();
    await db.drop();
  });

  /** `count` streams of `events` events each, one append per event. */
  const append = async (count: number, events = 1): Promise<string[]> => {
    const streams = Array.from({ length: count }, () => `note-${randomUUID()}`);
    for (const streamId of streams) {
      for (let version = 0; version < events; version += 1) {
        const hash = version === 0 ? null : (await store.readStream(streamId)).at(-1)!.hash;
        await store.append({ commandId: randomUUID(), recordedAt: '2020-05-20T03:00:00.000Z', metadata: { actorId: 'a', role: null, ward: null, correlationId: 'c', causationId: null }, appends: [{ streamId, expected: { version, hash }, events: [note(`${streamId} ${version}`)] }], result: {} });
      }
    }
    return streams;
  };

  const stored = () => anchorsAfter(db.pool, 0, 10_000);

  /** Waits for the gap-safe horizon to pass every event written (other suites hold transactions open). */
  const logCount = async () => Number((await db.pool.query('SELECT count(*) FROM events')).rows[0].count);
  const signAll = async (signer: AnchorSigner) => {
    const total = await logCount();
    for (;;) {
      await signer.signPending();
      const [latest] = (await stored()).slice(-1);
      if ((latest?.position ?? 0) >= total) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('signs nothing on an empty log, then checkpoints of every event, each extending the one before, with files beside them', async () => {
    const signer = new AnchorSigner(db.pool, { key, dir: anchors.dir, maxEvents: 4 });
    expect(await signer.signPending()).toEqual([]);
    await append(3, 3);
    await signAll(signer);

    const list = await stored();
    // Nine events, at most four an anchor: 4, 8, 9 (or more anchors if the horizon cut a round short).
    expect(list.at(-1)!.position).toBe(9);
    expect(list[0].previous).toBe(0);
    for (let i = 1; i < list.length; i += 1) expect(list[i].previous).toBe(list[i - 1].position);
    for (const anchor of list) {
      expect(anchor.position - anchor.previous).toBeLessThanOrEqual(4);
      expect(verifyAnchorSignature(anchor, new Map([[key.keyId, key.publicKey]]))).toBe('valid');
    }

    // The log hash at each anchor is a fold of the log from zero; the streams hash covers its stream commitments.
    const fold = new LogFold();
    const byPosition = new Map(list.map((anchor) => [anchor.position, anchor]));
    await scanLog(db.pool, START, 100, (entry) => {
      fold.add(entry);
      const anchor = byPosition.get(fold.prefix.events);
      if (anchor) {
        expect(anchor.logHash).toBe(fold.prefix.logHash);
        expect(anchor.lastGlobalPosition).toBe(entry.position);
      }
    });
    for (const anchor of list) {
      const streams = await anchorStreams(db.pool, anchor.position);
      expect(streamsHash(streams)).toBe(anchor.streamsHash);
      expect(streams.length).toBeGreaterThan(0);
      const file = JSON.parse(readFileSync(join(anchors.dir, anchorFileName(anchor.position)), 'utf8'));
      expect(file).toEqual({ ...anchor, streams });
    }
    expect(readdirSync(anchors.dir)).toHaveLength(list.length);
  });

  it('a second signer (another process, another key) takes over the stored anchors after checking them, and goes on from there', async () => {
    const before = (await stored()).at(-1)!;
    await append(2);
    const other = freshKey();
    const second = new AnchorSigner(db.pool, { key: other, dir: null });
    await signAll(second);
    const [next] = await anchorsAfter(db.pool, before.position, 1);
    expect(next).toMatchObject({ previous: before.position, keyId: other.keyId });
    const keys = (await db.pool.query('SELECT key_id FROM anchor_keys ORDER BY key_id')).rows.map((row) => row.key_id);
    expect(keys).toEqual([key.keyId, other.keyId].sort());
  });

  it('a signer refuses to sign on top of a log that no longer matches the latest anchor', async () => {
    const [victim] = await append(1, 2);
    await signAll(new AnchorSigner(db.pool, { key, dir: null }));
    const count = (await stored()).length;
    await asSuperuser(`DELETE FROM events WHERE stream_id = $1 AND stream_version = 2`, [victim]);
    await append(1);
    const restarted = new AnchorSigner(db.pool, { key, dir: null });
    await expect(restarted.signPending()).rejects.toThrow(AnchorsDisagree);
    await expect(restarted.signPending()).rejects.toThrow(/the log no longer matches the anchor at position \d+/);
    expect(await stored()).toHaveLength(count);
  });

  it('a signer refuses to take over a stored anchor whose signature fails (the table edited to fit a rewritten log)', async () => {
    const latest = (await stored()).at(-1)!;
    await asSuperuser(`UPDATE anchors SET log_hash = $2 WHERE position = $1`, [latest.position, 'f'.repeat(64)]);
    await expect(new AnchorSigner(db.pool, { key: freshKey(), dir: null }).signPending()).rejects.toThrow(
      `the stored anchor at position ${latest.position} fails its signature (bad-signature): not signing on top of it`,
    );
  });

  /** SQL with the triggers off, on one connection of its own (the setting must not leak into the pool). */
  const asSuperuser = async (sql: string, params: unknown[]) => {
    const client = await db.pool.connect();
    try {
      await client.query('SET session_replication_role = replica');
      await client.query(sql, params);
      await client.query('RESET session_replication_role');
    } finally {
      client.release();
    }
  };
});

describe('AnchoringLoop', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('anchoring_loop', 3);
    store = new PostgresEventStore(db.pool, new EventTypeRegistry().register({ [NOTE]: 1 }));
  });
  afterAll(async () => {
    await db.drop();
  });

  it('signs on its own while the log grows, and writes a file it could not write before once it can', async () => {
    const anchors = testAnchorDir();
    // A file where the folder should be: the first files cannot be written.
    const blocked = join(anchors.dir, 'blocked');
    writeFileSync(blocked, 'not a folder');
    const errors: unknown[] = [];
    const signer = new AnchorSigner(db.pool, { key: freshKey(), dir: blocked, onFileError: (error) => errors.push(error) });
    const loop = new AnchoringLoop(signer, { intervalMs: 100 });
    try {
      await store.append({ commandId: randomUUID(), recordedAt: '2020-05-20T03:00:00.000Z', metadata: { actorId: 'a', role: null, ward: null, correlationId: 'c', causationId: null }, appends: [{ streamId: `note-${randomUUID()}`, expected: { version: 0, hash: null }, events: [note('x')] }], result: {} });
      loop.start();
      await eventually(async () => (await anchorsAfter(db.pool, 0, 1)).length > 0 && errors.length > 0);
      rmSync(blocked);
      await store.append({ commandId: randomUUID(), recordedAt: '2020-05-20T03:00:00.000Z', metadata: { actorId: 'a', role: null, ward: null, correlationId: 'c', causationId: null }, appends: [{ streamId: `note-${randomUUID()}`, expected: { version: 0, hash: null }, events: [note('y')] }], result: {} });
      await eventually(async () => existsSync(blocked) && readdirSync(blocked).length === (await anchorsAfter(db.pool, 0, 100)).length && readdirSync(blocked).length >= 2);
      expect(readdirSync(blocked)).toContain(anchorFileName(1));
    } finally {
      await loop.stop();
      anchors.remove();
    }
  });
});

/** Polls what another loop does, up to a bound (never a timing claim). */
const eventually = async (condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
