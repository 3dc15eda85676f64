import { ConcurrencyError, EventStore } from '@lib/event-store';
import { Projector } from '@lib/projections';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';
import { ShutdownState } from '@lib/host';

const submission = (citizenId: string) => ({
  programme: 'nq42-2020',
  category: '4',
  applicant: { citizenId, fullName: 'Lê Văn Tám', dateOfBirth: '1979-01-02', ward: 'W01', address: 'Tổ 1, W01' },
  claim: { months: ['2020-04'], occupation: 'motorbike-taxi', jobLostOn: '2020-04-01', monthlyIncome: 0 },
});

describe('Health probes and metrics', () => {
  let db: TestDatabase;
  let api: ApiTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('health_metrics');
    // Any event not yet projected makes the service unready: the bound is tested, not a timing.
    api = await createApiTestApp(db, { READY_MAX_LAG_EVENTS: '0' });
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const intake = () => ({ Authorization: `Bearer ${api.token('intake-officer', 'W01')}` });

  it('answers /health, /health/live and /health/ready without a token', async () => {
    expect((await api.http.get('/health')).body).toEqual({ status: 'ok', database: 'up' });
    expect((await api.http.get('/health/live')).status).toBe(200);
    const ready = await api.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, projections: { status: 'up' } } });
  });

  it('is not ready while a projection lags beyond the bound, and ready again once it has caught up', async () => {
    const projector = api.app.get(Projector);
    await projector.stop();
    expect((await api.http.post('/applications').set(intake()).send(submission('001080000301'))).status).toBe(201);
    const behind = await api.http.get('/health/ready');
    expect(behind.status).toBe(503);
    expect(behind.headers['content-type']).toContain('application/problem+json');
    expect(behind.body).toMatchObject({ status: 503, code: 'unavailable', detail: expect.stringMatching(/application-overview is \d+ events/) });
    expect((await api.http.get('/health/live')).status).toBe(200);
    await projector.start();
    await api.settle();
    expect((await api.http.get('/health/ready')).status).toBe(200);
  });

  it('serves Prometheus metrics: commands by type and outcome, appends, conflicts, projection lag, alerts, HTTP latency', async () => {
    expect((await api.http.post('/applications').set(intake()).send(submission('001080000302'))).status).toBe(201);
    const refused = await api.http.post('/applications').set(intake()).send({ ...submission('001080000303'), claim: { ...submission('x').claim, months: ['2021-01'] } });
    expect(refused.status).toBe(422);
    // A stale writer: the store refuses it, and the conflict is counted.
    const [first] = (await db.pool.query(`SELECT stream_id FROM events WHERE stream_id LIKE 'support-application-%' LIMIT 1`)).rows;
    await expect(
      api.app.get(EventStore).append({
        commandId: 'stale-writer-1',
        recordedAt: new Date().toISOString(),
        metadata: { actorId: 'test', role: null, ward: null, correlationId: 'c', causationId: null },
        appends: [{ streamId: first.stream_id, expected: { version: 0, hash: null }, events: [{ type: 'SupportApplicationWithdrawn', data: {} }] }],
        result: {},
      }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    await api.settle();

    const response = await api.http.get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.text;
    expect(text).toMatch(/^relief_commands_total\{type="SubmitSupportApplication",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^relief_commands_total\{type="SubmitSupportApplication",outcome="not-eligible"\} [1-9]/m);
    expect(text).toMatch(/^relief_command_duration_seconds_count\{type="SubmitSupportApplication"\} [1-9]/m);
    expect(text).toMatch(/^relief_event_append_duration_seconds_bucket\{le="0\.1",outcome="appended"\} [1-9]/m);
    expect(text).toMatch(/^relief_concurrency_conflicts_total\{stream="support-application"\} [1-9]/m);
    expect(text).toMatch(/^relief_projection_lag_events\{projection="application-overview"\} 0$/m);
    expect(text).toMatch(/^relief_projection_lag_seconds\{projection="application-overview"\} 0$/m);
    expect(text).toMatch(/^# TYPE relief_alerts_raised_total counter$/m);
    expect(text).toMatch(/^relief_http_request_duration_seconds_count\{method="POST",route="\/applications",status="201"\} [1-9]/m);
    expect(text).toMatch(/^relief_process_cpu_seconds_total /m);
  });

  // Last: the app stays in shutdown.
  it('is not ready once shutdown has begun, though still alive', async () => {
    api.app.get(ShutdownState).begin();
    const response = await api.http.get('/health/ready');
    expect(response.status).toBe(503);
    expect(response.body.detail).toContain('shutting down');
    expect((await api.http.get('/health/live')).status).toBe(200);
  });
});
