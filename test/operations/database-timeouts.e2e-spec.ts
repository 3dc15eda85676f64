import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

const submission = (citizenId: string) => ({
  programme: 'nq42-2020',
  category: '4',
  applicant: { citizenId, fullName: 'Vũ Thị Mai', dateOfBirth: '1985-07-08', ward: 'W01', address: 'Tổ 4, W01' },
  claim: { months: ['2020-04'], occupation: 'motorbike-taxi', jobLostOn: '2020-04-01', monthlyIncome: 0 },
});

/**
 * A table lock held by another session stands in for a slow query and, with more requests than
 * connections, for an exhausted pool: requests must come back 503, not hang.
 */
describe('Slow queries and an exhausted pool', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  let id: string;

  beforeAll(async () => {
    db = await createTestDatabase('database_timeouts');
    // The data is written by a patient app; the impatient one under test only has to fail fast.
    const writer = await createApiTestApp(db);
    const created = await writer.http.post('/applications').set('Authorization', `Bearer ${writer.token('intake-officer')}`).send(submission('001080000601'));
    id = created.body.id;
    await writer.settle();
    await writer.close();
    // Two connections; a query waits at most 500 ms, a request at most 1.5 s for a connection.
    api = await createApiTestApp(db, { DB_POOL_SIZE: '2', DB_STATEMENT_TIMEOUT_MS: '500', DB_ACQUIRE_TIMEOUT_MS: '1500' });
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const whileLocked = async <T>(tables: string, run: () => Promise<T>): Promise<T> => {
    const client = await db.pool.connect();
    await client.query('BEGIN');
    await client.query(`LOCK TABLE ${tables} IN ACCESS EXCLUSIVE MODE`);
    try {
      return await run();
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  };

  it('answers 503 unavailable, with Retry-After, to every request while the event log does not answer, and appends nothing', async () => {
    const auditor = `Bearer ${api.token('auditor', null)}`;
    const intake = `Bearer ${api.token('intake-officer')}`;
    const before = (await db.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n;
    const responses = await whileLocked('events', () =>
      Promise.all([
        // More requests than connections: the first wait on the lock until the statement timeout,
        // the rest wait for a connection until the acquire timeout. Both end in a 503.
        ...Array.from({ length: 16 }, () => api.http.get(`/applications/${id}/history`).set('Authorization', auditor)),
        ...Array.from({ length: 3 }, (_, n) => api.http.post('/applications').set('Authorization', intake).send(submission(`00108000061${n}`))),
      ]),
    );
    for (const response of responses) {
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['retry-after']).toBe('1');
      expect(response.body).toMatchObject({ status: 503, code: 'unavailable' });
    }
    expect((await db.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n).toBe(before);
  });

  it('answers 503 while a read model does not answer, and serves again once it does', async () => {
    const officer = `Bearer ${api.token('intake-officer')}`;
    const responses = await whileLocked('application_overview', () => Promise.all(Array.from({ length: 8 }, () => api.http.get('/applications?ward=W01').set('Authorization', officer))));
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(503));
    expect((await api.http.get('/applications?ward=W01').set('Authorization', officer)).status).toBe(200);
    expect((await api.http.get(`/applications/${id}/history`).set('Authorization', officer)).status).toBe(200);
  });
});
