import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { JwtService } from '@nestjs/jwt';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { TEST_JWT_SECRET, createApiTestApp, type ApiTestApp } from '../support/api-test-app';

const CLAIMS = { sub: 'auditor-thao', roles: ['auditor'], ward: null };
const now = () => Math.floor(Date.now() / 1000);

/** GET /programmes with the token: 200 when it is accepted, 401 problem+json when not. */
const statusWith = async (api: ApiTestApp, token: string) => {
  const response = await api.http.get('/programmes').set('Authorization', `Bearer ${token}`);
  if (response.status === 401) expect(response.body.code).toBe('unauthenticated');
  return response.status;
};

describe('Bearer tokens (HS256 with JWT_SECRET): exp required and bounded, no future iat/nbf', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  let bounded: ApiTestApp;
  const own = new JwtService({ secret: TEST_JWT_SECRET });

  beforeAll(async () => {
    db = await createTestDatabase('e2e_tokens_hs256');
    api = await createApiTestApp(db, { DEV_SIGN_IN: 'true' });
    bounded = await createApiTestApp(db, { DEV_SIGN_IN: 'true', JWT_ISSUER: 'https://idp.relief.example', JWT_AUDIENCE: 'relief-ledger' });
  });
  afterAll(async () => {
    await Promise.all([api?.close(), bounded?.close()]);
    await db?.drop();
  });

  it('accepts the test tokens and the development sign-in\'s tokens', async () => {
    expect(await statusWith(api, api.token('auditor', null))).toBe(200);
    const minted = await api.http.post('/dev/token').send({ role: 'auditor' });
    expect(await statusWith(api, minted.body.token)).toBe(200);
  });

  it('refuses a token without exp', async () => {
    expect(await statusWith(api, own.sign(CLAIMS, { algorithm: 'HS256' }))).toBe(401);
  });

  it('refuses a token living longer than JWT_MAX_LIFETIME_SECONDS (12 h by default), with or without iat', async () => {
    expect(await statusWith(api, own.sign(CLAIMS, { algorithm: 'HS256', expiresIn: '30d' }))).toBe(401);
    expect(await statusWith(api, own.sign({ ...CLAIMS, exp: now() + 13 * 3600 }, { algorithm: 'HS256', noTimestamp: true }))).toBe(401);
    expect(await statusWith(api, own.sign(CLAIMS, { algorithm: 'HS256', expiresIn: '11h' }))).toBe(200);
  });

  it('refuses an iat or nbf in the future beyond the skew, and takes a few seconds of clock difference', async () => {
    expect(await statusWith(api, own.sign({ ...CLAIMS, iat: now() + 3600, exp: now() + 7200 }, { algorithm: 'HS256' }))).toBe(401);
    expect(await statusWith(api, own.sign({ ...CLAIMS, nbf: now() + 3600, exp: now() + 7200 }, { algorithm: 'HS256' }))).toBe(401);
    expect(await statusWith(api, own.sign({ ...CLAIMS, iat: now() + 5, exp: now() + 600 }, { algorithm: 'HS256' }))).toBe(200);
  });

  it('ignores iss and aud unless configured; configured, checks both, and development tokens carry them', async () => {
    const plain = own.sign(CLAIMS, { algorithm: 'HS256', expiresIn: '1h' });
    expect(await statusWith(api, own.sign(CLAIMS, { algorithm: 'HS256', expiresIn: '1h', issuer: 'anyone' }))).toBe(200);
    expect(await statusWith(bounded, plain)).toBe(401);
    expect(await statusWith(bounded, own.sign(CLAIMS, { algorithm: 'HS256', expiresIn: '1h', issuer: 'https://evil.example', audience: 'relief-ledger' }))).toBe(401);
    expect(await statusWith(bounded, own.sign(CLAIMS, { algorithm: 'HS256', expiresIn: '1h', issuer: 'https://idp.relief.example', audience: 'another-service' }))).toBe(401);
    expect(await statusWith(bounded, own.sign(CLAIMS, { algorithm: 'HS256', expiresIn: '1h', issuer: 'https://idp.relief.example', audience: ['x', 'relief-ledger'] }))).toBe(200);
    const minted = await bounded.http.post('/dev/token').send({ role: 'auditor' });
    expect(await statusWith(bounded, minted.body.token)).toBe(200);
  });
});

describe('Bearer tokens from an identity provider: a fixed public key, and a JWKS with rotation', () => {
  let db: TestDatabase;
  let fixed: ApiTestApp;
  let jwks: ApiTestApp;
  let server: Server;
  let served: JWK[] = [];
  let fetches = 0;
  const keys: Record<string, { privateKey: KeyLike; publicKey: KeyLike }> = {};

  const signed = (kid: string, alg = 'ES256', claims: object = CLAIMS, lifetime = '1h') =>
    new SignJWT({ ...claims }).setProtectedHeader({ alg, kid }).setIssuedAt().setExpirationTime(lifetime).sign(keys[kid].privateKey);
  const publish = async (...kids: string[]) => {
    served = await Promise.all(kids.map(async (kid) => ({ ...(await exportJWK(keys[kid].publicKey)), kid, alg: 'ES256', use: 'sig' })));
  };

  beforeAll(async () => {
    for (const kid of ['2020-a', '2020-b', 'stranger']) keys[kid] = await generateKeyPair('ES256');
    await publish('2020-a');
    server = createServer((_, response) => {
      fetches += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: served }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    db = await createTestDatabase('e2e_tokens_idp');
    fixed = await createApiTestApp(db, { JWT_PUBLIC_KEY: await exportSPKI(keys['2020-a'].publicKey) });
    jwks = await createApiTestApp(db, { JWT_JWKS_URL: url, JWT_JWKS_REFETCH_SECONDS: '0' });
  });
  afterAll(async () => {
    await Promise.all([fixed?.close(), jwks?.close()]);
    await db?.drop();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('with a fixed EC public key: accepts its ES256 tokens, refuses other keys, HS256 and long lifetimes', async () => {
    expect(await statusWith(fixed, await signed('2020-a'))).toBe(200);
    expect(await statusWith(fixed, await signed('stranger'))).toBe(401);
    expect(await statusWith(fixed, fixed.token('auditor', null))).toBe(401);
    expect(await statusWith(fixed, await signed('2020-a', 'ES256', CLAIMS, '2d'))).toBe(401);
  });

  it('with a JWKS: picks the key by kid, follows a rotation without a restart', async () => {
    expect(await statusWith(jwks, await signed('2020-a'))).toBe(200);
    expect(await statusWith(jwks, await signed('stranger'))).toBe(401);
    expect(await statusWith(jwks, jwks.token('auditor', null))).toBe(401);
    // The provider rotates: both keys for a while, then only the new one.
    await publish('2020-a', '2020-b');
    const before = fetches;
    expect(await statusWith(jwks, await signed('2020-b'))).toBe(200);
    expect(fetches).toBeGreaterThan(before);
    await publish('2020-b');
    expect(await statusWith(jwks, await signed('2020-b'))).toBe(200);
    // A token of the retired key names a kid the set still caches: refetched only once the cache
    // ages out; a kid never published is refused at once.
    expect(await statusWith(jwks, await signed('stranger'))).toBe(401);
    expect(await statusWith(jwks, await signed('2020-b', 'ES256', CLAIMS, '30d'))).toBe(401);
  });
});
