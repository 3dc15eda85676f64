import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

describe('Request limits', () => {
  let db: TestDatabase;
  let api: ApiTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('request_limits');
    api = await createApiTestApp(db, { RATE_LIMIT: '5', RATE_LIMIT_WINDOW_MS: '600000', BODY_LIMIT: '2kb' });
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('refuses a body over BODY_LIMIT with 413 problem+json, appending nothing', async () => {
    const response = await api.http
      .post('/applications')
      .set('Authorization', `Bearer ${api.token('intake-officer')}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ programme: 'nq42-2020', padding: 'x'.repeat(4096) }));
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 413, code: 'payload-too-large' });
    expect((await db.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n).toBe(0);
  });

  it('answers 429 rate-limited problem+json with Retry-After past RATE_LIMIT requests per window, and keeps probes out of it', async () => {
    const token = `Bearer ${api.token('auditor', null)}`;
    const statuses: number[] = [];
    let limited;
    for (let n = 0; n < 8; n += 1) {
      const response = await api.http.get('/programmes').set('Authorization', token).set('Accept-Language', 'en');
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    // Per client address; the 413 above was refused by the body parser, before any guard.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(limited!.headers['content-type']).toContain('application/problem+json');
    expect(limited!.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited!.body).toMatchObject({ status: 429, code: 'rate-limited', title: 'Too many requests' });
    expect((await api.http.get('/health/ready')).status).toBe(200);
    expect((await api.http.get('/metrics')).status).toBe(200);
  });
});
