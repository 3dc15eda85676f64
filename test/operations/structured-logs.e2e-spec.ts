import { Writable } from 'node:stream';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

/** The JSON lines the service logs, kept in memory. */
const captured = () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
};

const CITIZEN_ID = '001080000401';
const PHONE = '0912345678';
const BANK_ACCOUNT = '0071000456789';

describe('Structured logs', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  const log = captured();

  beforeAll(async () => {
    db = await createTestDatabase('structured_logs');
    api = await createApiTestApp(db, { LOG_LEVEL: 'info' }, { logStream: log.stream as never });
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const submit = () =>
    api.http
      .post('/applications')
      .set('Authorization', `Bearer ${api.token('intake-officer', 'W01', 'officer-lan')}`)
      .set('X-Correlation-Id', 'ward-office-req-0001')
      .send({
        programme: 'nq42-2020',
        category: '4',
        applicant: { citizenId: CITIZEN_ID, fullName: 'Phạm Thị Lụa', dateOfBirth: '1980-02-03', ward: 'W01', address: 'Tổ 2, W01', phone: PHONE, bankAccount: BANK_ACCOUNT },
        claim: { months: ['2020-04'], occupation: 'street-vendor', jobLostOn: '2020-04-01', monthlyIncome: 0 },
      });

  it('logs one JSON line per request with the correlation id, the actor and the application id', async () => {
    const response = await submit();
    expect(response.status).toBe(201);
    expect(response.headers['x-correlation-id']).toBe('ward-office-req-0001');
    const line = log.records().find((record) => record.correlationId === 'ward-office-req-0001');
    expect(line).toMatchObject({
      level: 'info',
      service: 'relief-ledger',
      correlationId: 'ward-office-req-0001',
      actor: 'officer-lan',
      roles: ['intake-officer'],
      ward: 'W01',
      applicationId: response.body.id,
      req: { method: 'POST', url: '/applications' },
      res: { statusCode: 201 },
      durationMs: expect.any(Number),
    });
    const { rows } = await db.pool.query(`SELECT metadata->>'correlationId' AS correlation FROM events WHERE stream_id = $1`, [`support-application-${response.body.id}`]);
    expect(rows).toEqual([{ correlation: 'ward-office-req-0001' }]);
  });

  it('generates a correlation id when the client sends none, and returns it', async () => {
    const response = await api.http.get('/programmes').set('Authorization', `Bearer ${api.token('auditor', null)}`);
    const id = response.headers['x-correlation-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(log.records().some((record) => record.correlationId === id && record.actor === 'auditor@province')).toBe(true);
  });

  it('never writes a citizen ID, a phone number, a bank account or a bearer token', async () => {
    const token = api.token('inspector', null);
    await api.http.get(`/beneficiaries/${CITIZEN_ID}`).set('Authorization', `Bearer ${token}`);
    await api.http.get(`/applications?ward=${PHONE}`).set('Authorization', `Bearer ${token}`);
    const text = log.lines.join('\n');
    expect(log.lines.length).toBeGreaterThan(2);
    expect(text).toContain('*********401');
    for (const secret of [CITIZEN_ID, PHONE, BANK_ACCOUNT, token]) expect(text).not.toContain(secret);
  });
});
