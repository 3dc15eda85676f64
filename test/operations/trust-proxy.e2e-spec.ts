import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

/**
 * Behind a reverse proxy every request arrives from the proxy's address. With TRUST_PROXY naming
 * it, the rate limit counts each client named in X-Forwarded-For; without, the header is ignored,
 * so a client cannot escape the limit by writing its own.
 */
describe('Rate limit per client behind a reverse proxy (TRUST_PROXY)', () => {
  let db: TestDatabase;
  const apps: ApiTestApp[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('trust_proxy');
  });
  afterAll(async () => {
    for (const api of apps) await api.close();
    await db.drop();
  });

  const statuses = async (api: ApiTestApp, forwardedFor: (n: number) => string): Promise<number[]> => {
    const token = `Bearer ${api.token('auditor', null)}`;
    const seen: number[] = [];
    for (let n = 0; n < 6; n += 1) seen.push((await api.http.get('/programmes').set('Authorization', token).set('X-Forwarded-For', forwardedFor(n))).status);
    return seen;
  };

  it('trusting the proxy (loopback here), each forwarded client has a limit of its own; one client still hits it', async () => {
    const api = await createApiTestApp(db, { RATE_LIMIT: '3', RATE_LIMIT_WINDOW_MS: '600000', TRUST_PROXY: 'loopback' });
    apps.push(api);
    expect(await statuses(api, (n) => `203.0.113.${n + 1}`)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await statuses(api, () => '198.51.100.7')).toEqual([200, 200, 200, 429, 429, 429]);
  });

  it('trusting no proxy, X-Forwarded-For changes nothing: every request counts against the connecting address', async () => {
    const api = await createApiTestApp(db, { RATE_LIMIT: '3', RATE_LIMIT_WINDOW_MS: '600000' });
    apps.push(api);
    expect(await statuses(api, (n) => `203.0.113.${n + 1}`)).toEqual([200, 200, 200, 429, 429, 429]);
  });
});
