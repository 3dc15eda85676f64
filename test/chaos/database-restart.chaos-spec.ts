import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { eventually, startService, type ServiceProcess } from './support/service-process';
import { ThrowawayCluster, freePort } from './support/throwaway-cluster';

const WORKERS = 6;
const RESTARTS = 3;

interface Answer {
  status: number | 'no-answer';
  id?: string;
  phase: 'before' | 'down' | 'after';
}

/**
 * Commands keep flowing while PostgreSQL restarts (on a cluster of the test's own, never the
 * shared server): the service must answer 503 while the database is away, not crash nor hang,
 * recover by itself once it is back, and every command it answered 2xx must be in the log.
 */
describe('A database restart under load', () => {
  let cluster: ThrowawayCluster;
  let api: ServiceProcess;
  let base: string;
  const answers: Answer[] = [];
  let phase: Answer['phase'] = 'before';
  let loading = true;

  const token = new JwtService({ secret: 'relief-ledger-chaos-secret-0123456789' }).sign(
    { sub: 'chaos-intake', roles: ['intake-officer'], ward: 'W01' },
    { algorithm: 'HS256', expiresIn: '1h' },
  );

  beforeAll(async () => {
    cluster = await ThrowawayCluster.create(5499);
    const port = await freePort(3990);
    base = `http://127.0.0.1:${port}`;
    api = startService('api', {
      DATABASE_URL: cluster.url('relief_chaos'),
      PORT: String(port),
      RATE_LIMIT: '0',
      DEMO_APPLICATIONS: '0',
      DB_POOL_SIZE: '8',
      DB_ACQUIRE_TIMEOUT_MS: '2000',
      READY_MAX_LAG_SECONDS: '600',
    });
    await eventually('the API to listen', async () => {
      if (api.child.exitCode !== null) throw new Error(`the API exited:\n${api.output()}`);
      return fetch(`${base}/health/live`).then((r) => r.ok, () => false);
    }, 120_000, 100);
  });
  afterAll(async () => {
    loading = false;
    try {
      if (api && api.child.exitCode === null) {
        // SIGTERM after all that: it drains and exits cleanly.
        api.child.kill('SIGTERM');
        expect(await api.exited).toEqual({ code: 0, signal: null });
      }
    } finally {
      await cluster?.destroy();
    }
  });

  const since = (from: number, status: number) => answers.slice(from).filter((answer) => answer.status === status).length;

  const worker = async (n: number) => {
    for (let i = 0; loading; i += 1) {
      const serial = n * 1_000_000 + i;
      const current = phase;
      try {
        const response = await fetch(`${base}/applications`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': `chaos-${serial}` },
          body: JSON.stringify({
            programme: 'nq42-2020',
            category: '4',
            applicant: { citizenId: String(100_000_000_000 + serial).padStart(12, '0'), fullName: 'Tạ Văn Chín', dateOfBirth: '1976-09-10', ward: 'W01', address: 'Tổ 9, W01' },
            claim: { months: ['2020-04'], occupation: 'motorbike-taxi', jobLostOn: '2020-04-01', monthlyIncome: 0 },
          }),
        });
        const body = (await response.json()) as { id?: string };
        answers.push({ status: response.status, id: body.id, phase: current });
      } catch {
        answers.push({ status: 'no-answer', phase: current });
      }
    }
  };

  it('answers 503 while the database is down, recovers by itself, and keeps every command it acknowledged', async () => {
    try {
      await restartUnderLoad();
    } catch (error) {
      const histogram = answers.reduce<Record<string, number>>((counts, a) => ({ ...counts, [`${a.phase} ${a.status}`]: (counts[`${a.phase} ${a.status}`] ?? 0) + 1 }), {});
      throw new Error(`${(error as Error).message}\nanswers: ${JSON.stringify(histogram)}\nservice output:\n${api.output().slice(-4000)}`);
    }
  });

  const restartUnderLoad = async () => {
    const load = Promise.all(Array.from({ length: WORKERS }, (_, n) => worker(n)));
    await eventually('commands to flow', async () => since(0, 201) >= 100);

    for (let restart = 1; restart <= RESTARTS; restart += 1) {
      phase = 'down';
      const stoppedAt = answers.length;
      await cluster.stop('fast');
      await eventually(`restart ${restart}: 503s while the database is down`, async () => since(stoppedAt, 503) >= 30);
      expect((await fetch(`${base}/health/ready`)).status).toBe(503);
      expect((await fetch(`${base}/health/live`)).status).toBe(200);

      await cluster.start();
      phase = 'after';
      const startedAt = answers.length;
      await eventually(`restart ${restart}: commands to flow again, without a restart of the service`, async () => since(startedAt, 201) >= 100);
    }
    loading = false;
    await load;

    expect(api.child.exitCode).toBeNull();
    const statuses = new Set(answers.map((answer) => answer.status));
    expect([...statuses].sort()).toEqual([201, 503]);
    expect(answers.filter((answer) => answer.status === 'no-answer')).toEqual([]);

    const acknowledged = answers.filter((answer) => answer.status === 201).map((answer) => answer.id!);
    const client = new Client({ connectionString: cluster.url('relief_chaos') });
    await client.connect();
    try {
      const stored = await client.query(`SELECT substring(stream_id from 21) AS id FROM events WHERE type = 'SupportApplicationSubmitted'`);
      const inLog = new Set(stored.rows.map((row) => row.id));
      expect(acknowledged.filter((id) => !inLog.has(id))).toEqual([]);
      // The projector reconnects too: every acknowledged application reaches the read model.
      await eventually('the projector to catch up after the restart', async () => {
        const { rows } = await client.query('SELECT count(*)::int AS n FROM application_overview WHERE application_id = ANY($1::uuid[])', [acknowledged]);
        return rows[0].n === acknowledged.length;
      }, 120_000, 200);
    } finally {
      await client.end();
    }
    await eventually('readiness to come back', () => fetch(`${base}/health/ready`).then((r) => r.ok, () => false), 120_000, 200);
    const byPhase = (p: Answer['phase'], s: number) => answers.filter((a) => a.phase === p && a.status === s).length;
    console.log(`database restarted ${RESTARTS} times under load: ${acknowledged.length} commands acknowledged and all in the log; 503 while down: ${byPhase('down', 503)} (before ${byPhase('before', 503)}, after ${byPhase('after', 503)}); 201 after the restart: ${byPhase('after', 201)}`);
  };
});
