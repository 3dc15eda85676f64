import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogFold, START, scanLog } from '@lib/event-store';
import { anchorFileName, verifyAnchorSignature } from '@lib/platform';
import { AnchorSigner } from '@lib/projections';
import { createTestDatabase, testAnchorKey, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';
import { ApplicationFactory } from '../security/support/http-fixtures';

/** Polls what the service's own loop does, up to a bound (never a timing claim). */
const eventually = async (condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('GET /anchors: the log\'s signed checkpoints over HTTP', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  const as = (role: Parameters<ApiTestApp['token']>[0], ward: string | null = null) => ({ Authorization: `Bearer ${api.token(role, ward)}` });
  const events = async () => Number((await db.pool.query('SELECT count(*) FROM events')).rows[0].count);

  beforeAll(async () => {
    db = await createTestDatabase('e2e_anchors');
    // A short interval, so the service's own loop signs while the test appends.
    api = await createApiTestApp(db, { ANCHOR_INTERVAL_MS: '200' });
    const applications = new ApplicationFactory(api);
    await applications.create('approved');
    await eventually(async () => (await api.http.get('/anchors').set(as('auditor'))).body.anchors?.at(-1)?.position === (await events()));
    // More events, more anchors: three pages' worth at limit 1.
    await applications.create('reviewed');
    await eventually(async () => (await api.http.get('/anchors').set(as('auditor'))).body.anchors?.at(-1)?.position === (await events()));
    await applications.create('submitted');
    await eventually(async () => (await api.http.get('/anchors').set(as('auditor'))).body.anchors?.at(-1)?.position === (await events()));
  }, 180_000);
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('are signed by the service while the log grows, each covering every event up to its position, with the key named by ANCHOR_KEY_FILE', async () => {
    const { body } = await api.http.get('/anchors').set(as('auditor')).expect(200);
    expect(body.anchors.length).toBeGreaterThanOrEqual(3);
    expect(body.nextAfter).toBeNull();
    const { key } = testAnchorKey();
    const fold = new LogFold();
    const hashes = new Map<number, string>();
    await scanLog(db.pool, START, 1000, (entry) => {
      fold.add(entry);
      hashes.set(fold.prefix.events, fold.prefix.logHash);
    });
    for (const anchor of body.anchors) {
      expect(Object.keys(anchor)).toEqual(['position', 'previous', 'lastTransactionId', 'lastGlobalPosition', 'logHash', 'streamsHash', 'signedAt', 'keyId', 'signature']);
      expect(anchor.keyId).toBe(key.keyId);
      expect(verifyAnchorSignature(anchor, new Map([[key.keyId, key.publicKey]]))).toBe('valid');
      expect(anchor.logHash).toBe(hashes.get(anchor.position));
    }
  });

  it('page with after and limit, oldest first, nextAfter pointing at the next page', async () => {
    const all = (await api.http.get('/anchors?limit=1000').set(as('inspector'))).body.anchors.map((anchor: { position: number }) => anchor.position);
    const seen: number[] = [];
    let after: number | null = 0;
    for (let pages = 0; after !== null && pages < 100; pages += 1) {
      const response: { body: { anchors: { position: number }[]; nextAfter: number | null } } = await api.http.get(`/anchors?after=${after}&limit=1`).set(as('inspector')).expect(200);
      seen.push(...response.body.anchors.map((anchor: { position: number }) => anchor.position));
      after = response.body.nextAfter;
    }
    expect(seen).toEqual(all);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect((await api.http.get(`/anchors?after=${all.at(-1)}`).set(as('auditor'))).body).toEqual({ anchors: [], nextAfter: null });
  });

  it.each(['-1', 'abc', '1e3', '01', ' 1', '1.5', '99999999999999999999'])('refuses after=%j with 400 validation-failed', async (after) => {
    const response = await api.http.get('/anchors').query({ after }).set(as('auditor'));
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'validation-failed', errors: [expect.objectContaining({ field: 'after' })] });
  });

  it.each(['0', '1001', 'ten'])('refuses limit=%j with 400', async (limit) => {
    expect((await api.http.get('/anchors').query({ limit }).set(as('auditor'))).status).toBe(400);
  });

  it('are for auditors and inspectors: 403 to officers and admin, 401 without a token', async () => {
    for (const role of ['intake-officer', 'ward-approver', 'treasurer', 'district-appraiser', 'province-approver', 'admin'] as const) {
      for (const path of ['/anchors', '/anchors/keys', '/anchors/1/streams']) {
        const response = await api.http.get(path).set(as(role, 'W01'));
        expect([role, path, response.status, response.body.code]).toEqual([role, path, 403, 'forbidden']);
      }
    }
    expect((await api.http.get('/anchors')).status).toBe(401);
    expect((await api.http.get('/anchors/keys')).status).toBe(401);
  });

  it('GET /anchors/keys publishes the signing key\'s public half, its id derived from it', async () => {
    const { key } = testAnchorKey();
    const { body } = await api.http.get('/anchors/keys').set(as('inspector')).expect(200);
    expect(body.keys).toEqual([{ keyId: key.keyId, algorithm: 'Ed25519', publicKey: key.publicKeyPem, firstUsedAt: expect.any(String) }]);
  });

  it('GET /anchors/{position}/streams answers an anchor with its stream commitments, as its ANCHOR_DIR file holds it', async () => {
    const [first] = (await api.http.get('/anchors?limit=1').set(as('auditor'))).body.anchors;
    const { body } = await api.http.get(`/anchors/${first.position}/streams`).set(as('auditor')).expect(200);
    expect(body).toEqual(JSON.parse(readFileSync(join(api.anchorDir, anchorFileName(first.position)), 'utf8')));
    expect(body.streams.map((stream: { streamId: string }) => stream.streamId)).toEqual(expect.arrayContaining([expect.stringMatching(/^support-application-/)]));
    expect(readdirSync(api.anchorDir).filter((name) => name.endsWith('.json')).length).toBe((await api.http.get('/anchors?limit=1000').set(as('auditor'))).body.anchors.length);
  });

  it('GET /anchors/{position}/streams is 404 where no anchor ends, 400 for a position that is not a count', async () => {
    expect((await api.http.get('/anchors/999999/streams').set(as('auditor'))).body).toMatchObject({ status: 404, code: 'not-found' });
    for (const bad of ['-1', 'x', '1e3', '%20']) {
      const response = await api.http.get(`/anchors/${bad}/streams`).set(as('auditor'));
      expect([bad, response.status, response.body.code]).toEqual([bad, 400, 'validation-failed']);
    }
  });

  it('the signer is the projector\'s process\'s, with the key from ANCHOR_KEY_FILE', () => {
    expect(api.app.get(AnchorSigner).keyId).toBe(testAnchorKey().key.keyId);
  });
});
