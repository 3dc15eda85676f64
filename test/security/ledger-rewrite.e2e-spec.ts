import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EventStore, chainHash, verifyChain, type PostgresEventStore } from '@lib/event-store';
import { generateSigningKey } from '@lib/platform';
import { AnchorSigner, ProjectionRebuilder, registeredProjections } from '@lib/projections';
import { createTestDatabase, shippedCatalog, testAnchorKey, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';
import { runCli, type ProcessResult } from '../support/cli-process';
import { ApplicationFactory } from './support/http-fixtures';

/**
 * Issue 11, item 2: a superuser can rewrite history unseen. As the database owner, with the
 * triggers off (session_replication_role = replica), rewrite one application's events (another
 * approver, a larger payment), recompute its stream's hashes with the project's own chain
 * function, and refold the read models from the forged log: every chain holds and every read
 * model equals a fresh fold, so `cli verify` without anchors passes, and the API serves the
 * forged history. The anchors the service signed, kept outside the database, catch it. Each
 * scenario puts the log back as it found it, so each names only its own streams.
 */
describe('Rewriting history as the database superuser, against anchors kept outside the database (real CLI)', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  let store: PostgresEventStore;
  let work: string;
  /** The operator's copy of ANCHOR_DIR, as if on write-once storage; and GET /anchors saved as a file. */
  let copied: string;
  let body: string;
  const publicKey = () => testAnchorKey().publicFile;
  const victims: Record<'rewritten' | 'truncated' | 'reordered' | 'bystander', string> = { rewritten: '', truncated: '', reordered: '', bystander: '' };
  const streamOf = (id: string) => `support-application-${id}`;
  const auditor = () => ({ Authorization: `Bearer ${api.token('auditor', null)}` });

  const cli = (...args: string[]): Promise<ProcessResult> => runCli(['verify', '--no-progress', ...args], { DATABASE_URL: db.url });
  const withAnchors = (...extra: string[]) => cli('--anchors', copied, '--public-key', publicKey(), ...extra);
  /** What a report names: streams, tables, or 'log'. */
  const named = (result: ProcessResult): string[] =>
    [...new Set(result.stdout.split('\n').filter((line) => line.startsWith('MISMATCH ')).map((line) => /^MISMATCH \S+ (\S+):/.exec(line)![1]))].sort();
  const report = (result: ProcessResult) => `exit ${result.code}\n${result.stdout}\n${result.stderr}`;

  /** Signs until every event committed so far is covered (the horizon may lag behind other suites' transactions). */
  const anchorEverything = async () => {
    const signer = api.app.get(AnchorSigner);
    const total = Number((await db.pool.query('SELECT count(*) FROM events')).rows[0].count);
    for (let attempt = 0; attempt < 600; attempt += 1) {
      await signer.signPending();
      const { rows } = await db.pool.query('SELECT coalesce(max(position), 0) AS latest FROM anchors');
      if (Number(rows[0].latest) >= total) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the anchors never caught up with the log');
  };

  const asSuperuser = async <T>(run: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('SET session_replication_role = replica');
      return await run(client);
    } finally {
      await client.end();
    }
  };

  /** The stored rows of some streams, every column, to put back after a scenario. */
  const snapshot = (streamIds: string[]) =>
    asSuperuser(async (client) => (await client.query(`SELECT * , transaction_id::text AS transaction_id FROM events WHERE stream_id = ANY($1)`, [streamIds])).rows);
  const restore = (streamIds: string[], rows: object[]) =>
    asSuperuser(async (client) => {
      await client.query('BEGIN');
      await client.query(`DELETE FROM events WHERE stream_id = ANY($1)`, [streamIds]);
      await client.query(`INSERT INTO events OVERRIDING SYSTEM VALUE SELECT * FROM jsonb_populate_recordset(NULL::events, $1)`, [JSON.stringify(rows)]);
      await client.query('COMMIT');
    });

  /** The attacker makes every read model agree with the log: the project's own rebuild, every projection. */
  const refoldReadModels = async () => {
    // Rebuilt first: a restored event sits behind the live checkpoints, which a live projector would never reread.
    for (const projection of registeredProjections(shippedCatalog())) await new ProjectionRebuilder(api.app.get(EventStore), db.dataSource).rebuild(projection);
    await api.settle();
  };

  beforeAll(async () => {
    db = await createTestDatabase('ledger_rewrite');
    // The service's own loop signs once at start; the test signs when it wants a checkpoint.
    api = await createApiTestApp(db, { ANCHOR_INTERVAL_MS: '3600000' });
    store = api.app.get(EventStore) as PostgresEventStore;
    const applications = new ApplicationFactory(api);
    // One anchor after each application: several ranges, each with its own stream commitments.
    victims.bystander = (await applications.create('paid')).id;
    await anchorEverything();
    victims.rewritten = (await applications.create('paid')).id;
    await anchorEverything();
    victims.reordered = (await applications.create('approved')).id;
    await anchorEverything();
    victims.truncated = (await applications.create('paid')).id;
    await anchorEverything();
    await api.settle();

    work = mkdtempSync(join(tmpdir(), 'rl-ledger-rewrite-'));
    copied = join(work, 'write-once');
    cpSync(api.anchorDir, copied, { recursive: true });
    body = join(work, 'anchors.json');
    writeFileSync(body, JSON.stringify((await api.http.get('/anchors?limit=1000').set(auditor()).expect(200)).body));
  }, 300_000);
  afterAll(async () => {
    await api?.close();
    await db?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('before anything is altered: cli verify --anchors passes, with the folder and with the saved GET /anchors body', async () => {
    expect(readdirSync(copied).length).toBeGreaterThanOrEqual(4);
    const folder = await withAnchors();
    expect(folder.code).toBe(0);
    expect(folder.stdout).toMatch(/\d+ anchors checked, covering \d+ events; 0 mismatches/);
    const saved = await cli('--anchors', body, '--public-key', publicKey());
    expect([saved.code, named(saved)]).toEqual([0, []]);
  }, 240_000);

  it('(b) another approver and a larger payment, the stream re-hashed, the read models refolded: verify alone passes, the API serves the forgery, verify --anchors names the stream', async () => {
    const streamId = streamOf(victims.rewritten);
    const original = await snapshot([streamId]);
    try {
      // The forgery, with the project's own chain function.
      const rows = await store.readRawStream(streamId);
      await asSuperuser(async (client) => {
        let previous: string | null = null;
        for (const row of rows) {
          let { data, metadata } = row as { data: Record<string, unknown>; metadata: typeof row.metadata };
          if (row.type === 'SupportApplicationApproved') {
            data = { ...data, approvedBy: 'approver-ghost' };
            metadata = { ...metadata, actorId: 'approver-ghost' };
          }
          if (row.type === 'SupportApplicationPaid') data = { ...data, amount: 9_000_000 };
          const hash = chainHash(previous, { ...row, data, metadata });
          await client.query(`UPDATE events SET data = $3, metadata = $4, hash = $5 WHERE stream_id = $1 AND stream_version = $2`, [streamId, row.streamVersion, JSON.stringify(data), JSON.stringify(metadata), hash]);
          previous = hash;
        }
      });
      expect(verifyChain(await store.readRawStream(streamId))).toBeNull();

      // Patching application_overview alone is no longer enough: verify compares every read model with a fresh fold.
      await new ProjectionRebuilder(api.app.get(EventStore), db.dataSource).rebuild(registeredProjections(shippedCatalog()).find((p) => p.name === 'application-overview')!);
      const overviewOnly = await cli();
      expect(overviewOnly.code).toBe(1);
      expect(named(overviewOnly)).toEqual(expect.arrayContaining(['officer_activity']));

      await refoldReadModels();
      const view = await api.http.get(`/applications/${victims.rewritten}`).set(auditor()).expect(200);
      expect(view.body.paidAmount).toBe(9_000_000);
      const history = await api.http.get(`/applications/${victims.rewritten}/history`).set(auditor()).expect(200);
      expect(history.body.events.find((event: { type: string }) => event.type === 'SupportApplicationApproved').metadata.actorId).toBe('approver-ghost');

      // Honestly: without anchors nothing looks wrong.
      const alone = await cli();
      expect([alone.code, named(alone)]).toEqual([0, []]);
      expect(alone.stdout).toContain('OK: nothing was altered');

      const anchored = await withAnchors();
      expect(anchored.code).toBe(1);
      expect(named(anchored)).toEqual(['log', streamId].sort());
      expect(anchored.stdout).toContain(`MISMATCH anchor ${streamId}: version `);
      expect(anchored.stdout).toMatch(/an event of this stream was changed/);
      expect(anchored.stdout).toContain('FAILED: the ledger does not verify');

      // The body of GET /anchors carries no streams: the database's copy is used, checked against each signed streams hash.
      const fromBody = await cli('--anchors', body, '--public-key', publicKey(), '--lang', 'vi');
      expect([fromBody.code, named(fromBody)]).toEqual([1, ['log', streamId].sort()]);
      expect(fromBody.stdout).toMatch(/một sự kiện của luồng này đã bị sửa/);
      expect(fromBody.stdout).toContain('KHÔNG ĐẠT');
    } finally {
      await restore([streamId], original);
      await refoldReadModels();
    }
  }, 480_000);

  it('(c) a stream\'s last events dropped: the chain still holds, verify --anchors names the stream', async () => {
    const streamId = streamOf(victims.truncated);
    const original = await snapshot([streamId]);
    try {
      expect(await asSuperuser(async (client) => (await client.query(`DELETE FROM events WHERE stream_id = $1 AND stream_version > 3`, [streamId])).rowCount)).toBeGreaterThan(0);
      expect(verifyChain(await store.readRawStream(streamId))).toBeNull();
      await refoldReadModels();
      const alone = await cli();
      expect([alone.code, named(alone)]).toEqual([0, []]);

      const anchored = await withAnchors();
      expect(anchored.code).toBe(1);
      expect(named(anchored)).toEqual(['log', streamId].sort());
      expect(anchored.stdout).toMatch(new RegExp(`MISMATCH anchor ${streamId}: the anchor at position \\d+ commits to version \\d+, the log has version 3 \\(events removed\\)`));
    } finally {
      await restore([streamId], original);
      await refoldReadModels();
    }
  }, 480_000);

  it('(d) two events of one append swapped in the log order (their global positions exchanged): verify --anchors fails, naming both streams', async () => {
    const application = streamOf(victims.reordered);
    const approval = (await store.readRawStream(application)).find((row) => row.type === 'SupportApplicationApproved')!;
    // The approval's append also wrote the person's beneficiary stream, in the same transaction.
    const { rows: [partner] } = await db.pool.query(
      `SELECT stream_id, global_position FROM events WHERE transaction_id = $1::xid8 AND stream_id <> $2 ORDER BY global_position LIMIT 1`,
      [approval.transactionId, application],
    );
    const streams = [application, partner.stream_id as string];
    const original = await snapshot(streams);
    try {
      await asSuperuser(async (client) => {
        const { rows } = await client.query(`SELECT *, transaction_id::text AS transaction_id FROM events WHERE global_position = ANY($1::bigint[])`, [[approval.position, partner.global_position]]);
        const swapped = rows.map((row) => ({ ...row, global_position: row.global_position === String(approval.position) ? partner.global_position : String(approval.position) }));
        await client.query('BEGIN');
        await client.query(`DELETE FROM events WHERE global_position = ANY($1::bigint[])`, [[approval.position, partner.global_position]]);
        await client.query(`INSERT INTO events OVERRIDING SYSTEM VALUE SELECT * FROM jsonb_populate_recordset(NULL::events, $1)`, [JSON.stringify(swapped)]);
        await client.query('COMMIT');
      });
      for (const streamId of streams) expect(verifyChain(await store.readRawStream(streamId))).toBeNull();
      await refoldReadModels();

      const anchored = await withAnchors();
      expect(anchored.code).toBe(1);
      expect(named(anchored)).toEqual(['log', ...streams].sort());
      expect(anchored.stdout).toMatch(/places in the log order differ/);
    } finally {
      await restore(streams, original);
      await refoldReadModels();
    }
  }, 480_000);

  it('(e) a read-model row changed: cli verify fails, naming the table and the row', async () => {
    const { rows: [row] } = await db.pool.query(`SELECT officer_id, day, step, action FROM officer_activity ORDER BY officer_id LIMIT 1`);
    await db.pool.query(`UPDATE officer_activity SET count = count + 5 WHERE officer_id = $1 AND day = $2 AND step = $3 AND action = $4`, [row.officer_id, row.day, row.step, row.action]);
    try {
      const result = await cli();
      expect(result.code).toBe(1);
      expect(named(result)).toEqual(['officer_activity']);
      expect(result.stdout).toMatch(new RegExp(`MISMATCH read-model officer_activity: row \\(officer_id=${row.officer_id}, .*\\) differs from a fresh fold: count: the log says \\d+, the table says \\d+`));
    } finally {
      await db.pool.query(`UPDATE officer_activity SET count = count - 5 WHERE officer_id = $1 AND day = $2 AND step = $3 AND action = $4`, [row.officer_id, row.day, row.step, row.action]);
    }
  }, 240_000);

  it('(g) an altered anchor fails its signature; anchors signed by a key nobody named are refused; without --public-key nothing is trusted', async () => {
    const forged = join(work, 'forged');
    cpSync(copied, forged, { recursive: true });
    const [first] = readdirSync(forged).filter((name) => name.endsWith('.json')).sort();
    const file = join(forged, first);
    const anchor = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...anchor, logHash: 'f'.repeat(64) }));
    const altered = await cli('--anchors', forged, '--public-key', publicKey());
    expect(altered.code).toBe(1);
    expect(altered.stdout).toContain(`MISMATCH anchor log: the anchor at position ${anchor.position} (${file}) fails its signature: it was altered or forged`);

    const stranger = join(work, 'stranger.pub.pem');
    writeFileSync(stranger, generateSigningKey().publicKeyPem);
    const unknown = await cli('--anchors', copied, '--public-key', stranger);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain(`is signed by key ${testAnchorKey().key.keyId}, which was not named with --public-key`);

    const unnamed = await cli('--anchors', copied);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('--anchors needs --public-key');
  }, 240_000);
});
