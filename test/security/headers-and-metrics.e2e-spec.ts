import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';
import { freePort } from '../support/free-port';

const METRICS_TOKEN = 'scraper-token-0123456789abcdef';

/** Security headers on every answer (helmet), a CSP that still lets Swagger UI work, and /metrics behind a token when configured. */
describe('Security headers and the metrics endpoint', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  let guarded: ApiTestApp;
  let separate: ApiTestApp;
  let metricsPort: number;
  beforeAll(async () => {
    db = await createTestDatabase('headers_and_metrics');
    api = await createApiTestApp(db);
    guarded = await createApiTestApp(db, { METRICS_TOKEN });
    metricsPort = await freePort();
    separate = await createApiTestApp(db, { METRICS_PORT: String(metricsPort) });
  });
  afterAll(async () => {
    await Promise.all([api?.close(), guarded?.close(), separate?.close()]);
    await db?.drop();
  });

  it.each([
    ['an API answer', '/programmes', true],
    ['a refusal', '/applications', true],
    ['a 404', '/no-such-route', false],
    ['a health probe', '/health/live', false],
  ])('%s carries nosniff, frame protection and a CSP that loads and frames nothing', async (_, path, authenticated) => {
    let request = api.http.get(path);
    if (authenticated && path === '/programmes') request = request.set('Authorization', `Bearer ${api.token('auditor', null)}`);
    const response = await request;
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('serves /docs with a CSP that allows its own scripts and styles (no inline script, no eval) and its files load', async () => {
    const page = await api.http.get('/docs/');
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    // Every script the page names is a file of /docs, and none is inline (the CSP would block it).
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body.trim()).toBe('');
      const src = /src="([^"]+)"/.exec(attributes)![1];
      const file = await api.http.get(new URL(src, 'http://x/docs/').pathname);
      expect(file.status).toBe(200);
    }
  });

  it('with METRICS_TOKEN, /metrics answers only a scraper that presents it', async () => {
    expect((await api.http.get('/metrics')).status).toBe(200);
    const bare = await guarded.http.get('/metrics');
    expect({ status: bare.status, code: bare.body.code }).toEqual({ status: 401, code: 'unauthenticated' });
    expect((await guarded.http.get('/metrics').set('Authorization', 'Bearer wrong-token-0123456789abcdef')).status).toBe(401);
    expect((await guarded.http.get('/metrics').set('Authorization', `Bearer ${api.token('admin', null)}`)).status).toBe(401);
    const scraped = await guarded.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(scraped.status).toBe(200);
    expect(scraped.text).toContain('relief_http_request_duration_seconds');
  });

  it('with METRICS_PORT, /metrics moves to that port and the main port answers 404', async () => {
    expect((await separate.http.get('/metrics')).status).toBe(404);
    const scraped = await request(`http://127.0.0.1:${metricsPort}`).get('/metrics');
    expect(scraped.status).toBe(200);
    expect(scraped.text).toContain('relief_http_request_duration_seconds');
    expect((await request(`http://127.0.0.1:${metricsPort}`).get('/applications')).status).toBe(404);
  });
});
