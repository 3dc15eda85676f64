import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

/**
 * Rate limits count per client across routes: a client that spent its budget on one route is
 * limited on every other; CSV exports have a tighter budget of their own besides.
 */
describe('Rate limits per client across routes', () => {
  let db: TestDatabase;
  let shared: ApiTestApp;
  let exports: ApiTestApp;
  const auditor = (api: ApiTestApp) => `Bearer ${api.token('auditor', null)}`;

  beforeAll(async () => {
    db = await createTestDatabase('rate_limits_across_routes');
    shared = await createApiTestApp(db, { RATE_LIMIT: '6', RATE_LIMIT_WINDOW_MS: '60000' });
    exports = await createApiTestApp(db, { RATE_LIMIT: '50', EXPORT_RATE_LIMIT: '2', RATE_LIMIT_WINDOW_MS: '60000' });
  });
  afterAll(async () => {
    await Promise.all([shared?.close(), exports?.close()]);
    await db?.drop();
  });

  it('a budget spent on one route leaves none for the others', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 6; n += 1) statuses.push((await shared.http.get('/programmes').set('Authorization', auditor(shared))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    const other = await shared.http.get('/applications?ward=W01').set('Authorization', auditor(shared));
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 429, code: 'rate-limited' });
    expect(other.headers['retry-after']).toBeDefined();
    expect((await shared.http.get('/alerts').set('Authorization', auditor(shared))).status).toBe(429);
    // Probes stay out of it.
    expect((await shared.http.get('/health/live')).status).toBe(200);
  });

  it('exports have a tighter budget of their own, shared by every export route', async () => {
    const first = await exports.http.get('/applications.csv?ward=W01').set('Authorization', auditor(exports));
    const second = await exports.http.get('/alerts.csv').set('Authorization', auditor(exports));
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await exports.http.get('/applications.csv?ward=W02').set('Authorization', auditor(exports));
    expect({ status: third.status, code: third.body.code }).toEqual({ status: 429, code: 'rate-limited' });
    expect(third.headers['retry-after']).toBeDefined();
    // Other reads keep the client's general budget.
    expect((await exports.http.get('/programmes').set('Authorization', auditor(exports))).status).toBe(200);
  });
});
