import { createServer, type Server } from 'node:net';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

const submission = (citizenId: string) => ({
  programme: 'nq42-2020',
  category: '4',
  applicant: { citizenId, fullName: 'Phan Văn Đức', dateOfBirth: '1979-02-11', ward: 'W01', address: 'Tổ 2, W01' },
  claim: { months: ['2020-04'], occupation: 'motorbike-taxi', jobLostOn: '2020-04-01', monthlyIncome: 0 },
});

/** A port that is bound and closed again: nothing listens there, connecting is refused at once. */
const closedPort = async (): Promise<number> => {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
};

const withApplicationName = (url: string, name: string) => `${url}${url.includes('?') ? '&' : '?'}application_name=${name}`;

/**
 * READ_DATABASE_URL: query routes read the replica and say so (X-Read-Source, X-Replica-Lag-Seconds);
 * commands never do; a replica that cannot be reached falls back to the leader. A second pool on
 * the same server, under its own application_name, stands in for the replica here (its lag is
 * zero: it is no standby); `npm run test:ha` reads a real streaming replica.
 */
describe('Read replica for queries', () => {
  let db: TestDatabase;
  let seed: ApiTestApp;
  let citizenId: string;

  beforeAll(async () => {
    db = await createTestDatabase('read_replica');
    seed = await createApiTestApp(db);
    citizenId = '001079000777';
    const created = await seed.http.post('/applications').set('Authorization', `Bearer ${seed.token('intake-officer')}`).send(submission(citizenId));
    expect(created.status).toBe(201);
    await seed.settle();
  });
  afterAll(async () => {
    await seed.close();
    await db.drop();
  });

  it('serves dashboards, beneficiaries, alerts and overdue steps from the replica, with its lag; commands stay on the leader', async () => {
    const replicaName = 'relief-replica-e2e';
    const api = await createApiTestApp(db, { READ_DATABASE_URL: withApplicationName(db.url, replicaName) });
    try {
      const auditor = `Bearer ${api.token('auditor', null)}`;
      const inspector = `Bearer ${api.token('inspector', null)}`;
      for (const [path, token] of [['/dashboards/wards/W01', auditor], [`/beneficiaries/${citizenId}`, auditor], ['/alerts', inspector], ['/overdue-steps?asOf=2020-12-31', inspector]] as const) {
        const response = await api.http.get(path).set('Authorization', token);
        expect({ path, status: response.status }).toEqual({ path, status: 200 });
        expect({ path, source: response.headers['x-read-source'] }).toEqual({ path, source: 'replica' });
        expect(response.headers['x-replica-lag-seconds']).toBe('0.000');
      }
      const dashboard = await api.http.get('/dashboards/wards/W01').set('Authorization', auditor);
      expect(dashboard.body.byStatus).toEqual({ submitted: 1 });
      // The reads really went through the replica's pool.
      const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [replicaName]);
      expect(rows[0].n).toBeGreaterThan(0);

      const command = await api.http.post('/applications').set('Authorization', `Bearer ${api.token('intake-officer')}`).send(submission('001079000778'));
      expect(command.status).toBe(201);
      expect(command.headers['x-read-source']).toBeUndefined();
      // A case read is not a replica route: an officer reads back what was just written.
      const read = await api.http.get(`/applications/${command.body.id}`).set('Authorization', auditor);
      expect(read.status).toBe(200);
      expect(read.headers['x-read-source']).toBeUndefined();
    } finally {
      await api.close();
    }
  });

  it('falls back to the leader when the replica refuses connections', async () => {
    const api = await createApiTestApp(db, { READ_DATABASE_URL: `postgres://postgres@127.0.0.1:${await closedPort()}/relief_replica` });
    try {
      const auditor = `Bearer ${api.token('auditor', null)}`;
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const response = await api.http.get('/dashboards/wards/W01').set('Authorization', auditor);
        expect(response.status).toBe(200);
        expect(response.headers['x-read-source']).toBe('leader');
        expect(response.headers['x-replica-lag-seconds']).toBeUndefined();
        expect(response.body.byStatus.submitted).toBeGreaterThanOrEqual(1);
      }
    } finally {
      await api.close();
    }
  });

  it('reads the leader, and says so, when no replica is configured', async () => {
    const response = await seed.http.get('/dashboards/wards/W01').set('Authorization', `Bearer ${seed.token('auditor', null)}`);
    expect(response.status).toBe(200);
    expect(response.headers['x-read-source']).toBe('leader');
  });
});
