import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/platform';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';
import { shutDownGracefully } from '@lib/host';

const submission = (citizenId: string) => ({
  programme: 'nq42-2020',
  category: '4',
  applicant: { citizenId, fullName: 'Đỗ Văn Hùng', dateOfBirth: '1970-05-06', ward: 'W01', address: 'Tổ 3, W01' },
  claim: { months: ['2020-04'], occupation: 'motorbike-taxi', jobLostOn: '2020-04-01', monthlyIncome: 0 },
});

/** Polls a condition the test cannot be told about (a backend waiting on a lock); bounded by Jest's timeout. */
const eventually = async (condition: () => Promise<boolean>): Promise<void> => {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('Graceful shutdown (SIGTERM)', () => {
  let db: TestDatabase;
  let api: ApiTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('graceful_shutdown');
  });
  afterAll(async () => {
    await db.drop();
  });

  const waitingOnLock = async () =>
    (await db.pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [db.name])).rows[0].n > 0;

  /** Holds a table lock in a transaction of its own until released. */
  const hold = async (lock: string) => {
    const client = await db.pool.connect();
    await client.query('BEGIN');
    await client.query(lock);
    return async () => {
      await client.query('COMMIT');
      client.release();
    };
  };

  it('stops accepting connections, lets the request in flight finish and be stored, then closes the pools', async () => {
    api = await createApiTestApp(db);
    await api.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    const release = await hold('LOCK TABLE events IN EXCLUSIVE MODE');
    const inFlight = fetch(`${base}/applications`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${api.token('intake-officer')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(submission('001080000501')),
    });
    await eventually(waitingOnLock);

    const stopped = shutDownGracefully(api.app, 60_000);
    await expect(fetch(`${base}/health/live`)).rejects.toThrow();
    await release();

    const response = await inFlight;
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    await stopped;
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [`support-application-${id}`]);
    expect(rows[0].n).toBe(1);
    expect(api.app.get<Pool>(PG_POOL).ended).toBe(true);
  });

  it('finishes and commits the projector batch in hand, with its checkpoint, before closing', async () => {
    api = await createApiTestApp(db);
    // The first test's application may still be on its way to the read model; the batch in
    // hand below must be this test's own, not one the lock caught before it was appended.
    await api.settle();
    const release = await hold('LOCK TABLE application_overview IN EXCLUSIVE MODE');
    expect((await api.http.post('/applications').set('Authorization', `Bearer ${api.token('intake-officer')}`).send(submission('001080000502'))).status).toBe(201);
    await eventually(waitingOnLock);

    let closed = false;
    const stopped = shutDownGracefully(api.app, 60_000).then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    await release();
    await stopped;

    const events = (await db.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n;
    const [overview] = (await db.pool.query(`SELECT events_applied::int AS n FROM projection_checkpoints WHERE name = 'application-overview'`)).rows;
    expect(overview.n).toBe(events);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM application_overview')).rows[0].n).toBe(2);
  });
});
