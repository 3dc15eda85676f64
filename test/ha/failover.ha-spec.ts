import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { registeredProjections } from '@lib/projections';
import { shippedCatalog } from '@lib/testing';
import { BUILD, eventually, startService, type ServiceProcess } from '../chaos/support/service-process';
import { freePort } from '../chaos/support/throwaway-cluster';
import { HaCluster } from './support/ha-cluster';

const WORKERS = 4;
/** Each worker waits this long between commands: a steady rate, not a flood. */
const PAUSE_MS = 20;
const DATABASE = 'relief_ha';
const SECRET = 'relief-ledger-ha-secret-0123456789';
const RESULTS = join(__dirname, '..', '..', 'bench', 'results');
const run = promisify(execFile);

interface Answer {
  status: number | 'no-answer';
  id?: string;
  retryAfter?: string | null;
  /** The body of anything but 201 and 503, to say what went wrong. */
  problem?: unknown;
  started: number;
  ended: number;
}

interface Failover {
  scenario: string;
  from: number;
  to: number;
  failover_s: number;
  refused: number;
  acknowledged_after: number;
}

/**
 * The service on a Patroni cluster (ha/cluster.sh) through HAProxy, under a steady stream of
 * commands: the leader's postmaster is killed with -9, later the leader's whole node (Patroni
 * and PostgreSQL) dies. Patroni promotes the synchronous replica; the service, never restarted,
 * answers 503 with Retry-After meanwhile and then carries on; no acknowledged command is lost,
 * the projector misses nothing, `cli verify` passes. Then a pgBackRest full backup plus the WAL
 * archive is restored into a fresh cluster to a moment between two known commands.
 */
describe('High availability: failover under load, and point-in-time restore', () => {
  let cluster: HaCluster;
  let api: ServiceProcess;
  let base: string;
  const answers: Answer[] = [];
  const failovers: Failover[] = [];
  let loading = false;
  let load: Promise<unknown> = Promise.resolve();
  let restoreVerified = false;
  let lost: number | null = null;
  let readReplica: { source: string | null; lag: string | null } | null = null;

  const token = new JwtService({ secret: SECRET }).sign({ sub: 'ha-intake', roles: ['intake-officer'], ward: 'W01' }, { algorithm: 'HS256', expiresIn: '1h' });
  const auditor = new JwtService({ secret: SECRET }).sign({ sub: 'ha-auditor', roles: ['auditor'] }, { algorithm: 'HS256', expiresIn: '1h' });

  const cli = async (args: string[], databaseUrl: string) => {
    try {
      const { stdout } = await run(process.execPath, [join(BUILD, 'apps', 'cli', 'src', 'main.js'), ...args], {
        cwd: join(__dirname, '..', '..'),
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, JWT_SECRET: SECRET, LOG_LEVEL: 'warn' },
        maxBuffer: 50_000_000,
      });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? 1, stdout: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
    }
  };

  const query = async <T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql, values)).rows as T[];
    } finally {
      await client.end();
    }
  };

  const submit = async (serial: number): Promise<Answer> => {
    const started = Date.now();
    try {
      const response = await fetch(`${base}/applications`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': `ha-${serial}` },
        body: JSON.stringify({
          programme: 'nq42-2020',
          category: '4',
          applicant: { citizenId: String(200_000_000_000 + serial).padStart(12, '0'), fullName: 'Lê Thị Hà', dateOfBirth: '1980-03-15', ward: 'W01', address: 'Tổ 4, W01' },
          claim: { months: ['2020-04'], occupation: 'street-vendor', jobLostOn: '2020-04-01', monthlyIncome: 0 },
        }),
      });
      const body = (await response.json()) as { id?: string };
      const problem = response.status === 201 || response.status === 503 ? undefined : body;
      return { status: response.status, id: body.id, retryAfter: response.headers.get('retry-after'), problem, started, ended: Date.now() };
    } catch {
      return { status: 'no-answer', started, ended: Date.now() };
    }
  };

  const startLoad = () => {
    loading = true;
    load = Promise.all(
      Array.from({ length: WORKERS }, async (_, n) => {
        for (let i = 0; loading; i += 1) {
          answers.push(await submit(n * 1_000_000 + i));
          await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
        }
      }),
    );
  };

  const acknowledgedSince = (from: number) => answers.filter((answer) => answer.ended >= from && answer.status === 201).length;

  beforeAll(async () => {
    cluster = await HaCluster.up();
    const port = await freePort(3970);
    base = `http://127.0.0.1:${port}`;
    api = startService('api', {
      DATABASE_URL: cluster.writeUrl(DATABASE),
      READ_DATABASE_URL: cluster.readUrl(DATABASE),
      JWT_SECRET: SECRET,
      PORT: String(port),
      RATE_LIMIT: '0',
      DEMO_APPLICATIONS: '0',
      DB_POOL_SIZE: '8',
      DB_ACQUIRE_TIMEOUT_MS: '2000',
      READY_MAX_LAG_SECONDS: '600',
    });
    await eventually('the API to listen', async () => {
      if (api.child.exitCode !== null) throw new Error(`the API exited:\n${api.output()}`);
      return fetch(`${base}/health/ready`).then((r) => r.ok, () => false);
    }, 180_000, 200);
  });

  afterAll(async () => {
    loading = false;
    await load;
    try {
      if (api && api.child.exitCode === null) {
        api.child.kill('SIGTERM');
        await api.exited;
      }
    } finally {
      await cluster?.down();
    }
  });

  /** Kills the leader one way, and measures from the last command it acknowledged to the first the new leader did. */
  const failOver = async (scenario: string, kill: (leader: number) => Promise<unknown>): Promise<Failover> => {
    await cluster.script('wait-healthy');
    const flowingFrom = Date.now();
    await eventually(`${scenario}: commands to flow`, async () => acknowledgedSince(flowingFrom) >= 50, 120_000, 50);
    const from = (await cluster.leader())!;
    const killedAt = Date.now();
    await kill(from);
    await eventually(`${scenario}: a refusal`, async () => answers.some((a) => a.ended >= killedAt && a.status !== 201), 60_000, 20);
    const refusedAt = Math.min(...answers.filter((a) => a.ended >= killedAt && a.status !== 201).map((a) => a.ended));
    await eventually(`${scenario}: commands to flow again without a restart of the service`, async () => answers.filter((a) => a.started > refusedAt && a.status === 201).length >= 50, 180_000, 50);
    const lastOld = Math.max(...answers.filter((a) => a.status === 201 && a.ended <= refusedAt).map((a) => a.ended));
    const firstNew = Math.min(...answers.filter((a) => a.status === 201 && a.started > refusedAt).map((a) => a.ended));
    const to = (await cluster.leader())!;
    expect(to).not.toBe(from);
    const result = {
      scenario,
      from,
      to,
      failover_s: Number(((firstNew - lastOld) / 1000).toFixed(2)),
      refused: answers.filter((a) => a.status !== 201 && a.ended > lastOld && a.ended <= firstNew).length,
      acknowledged_after: answers.filter((a) => a.started > refusedAt && a.status === 201).length,
    };
    failovers.push(result);
    return result;
  };

  it('fails over when the leader\'s postmaster is killed with -9: Patroni promotes the synchronous replica, the service answers 503 meanwhile and carries on', async () => {
    startLoad();
    const result = await failOver('kill -9 the leader\'s postmaster', (leader) => cluster.script('kill-postmaster', String(leader)));
    expect(api.child.exitCode).toBeNull();
    console.log(JSON.stringify(result));
  });

  it('fails over when the leader\'s whole node dies (Patroni and PostgreSQL killed), and the node rejoins as a replica', async () => {
    const result = await failOver('kill the leader\'s node', async (leader) => {
      await cluster.script('kill-node', String(leader));
      // The machine comes back later: Patroni rewinds it and it rejoins as a replica.
      setTimeout(() => void cluster.script('start-node', String(leader)).catch(() => undefined), 20_000);
    });
    expect(api.child.exitCode).toBeNull();
    console.log(JSON.stringify(result));
  });

  it('kept every acknowledged command; every refusal was a 503 with Retry-After; the projector resumed and missed nothing; cli verify passes', async () => {
    loading = false;
    await load;
    const odd = answers.filter((a) => a.status !== 201 && a.status !== 503);
    if (odd.length) {
      const errors = api.output().split('\n').filter((line) => line.includes('"level":50') || line.includes('rror')).slice(-20);
      throw new Error(`answers other than 201 and 503: ${JSON.stringify(odd.slice(0, 5))}\nservice errors:\n${errors.join('\n')}`);
    }
    expect([...new Set(answers.map((answer) => answer.status))].sort()).toEqual([201, 503]);
    expect(answers.filter((a) => a.status === 503 && !a.retryAfter)).toEqual([]);

    const acknowledged = answers.filter((a) => a.status === 201).map((a) => a.id!);
    const stored = await query<{ id: string }>(cluster.writeUrl(DATABASE), `SELECT substring(stream_id from 21) AS id FROM events WHERE type = 'SupportApplicationSubmitted'`);
    const inLog = new Set(stored.map((row) => row.id));
    const missing = acknowledged.filter((id) => !inLog.has(id));
    lost = missing.length;
    expect(missing).toEqual([]);

    await eventually('the projector to catch up', async () => {
      const [row] = await query<{ n: number }>(cluster.writeUrl(DATABASE), 'SELECT count(*)::int AS n FROM application_overview WHERE application_id = ANY($1::uuid[])', [acknowledged]);
      return row.n === acknowledged.length;
    }, 180_000, 500);
    await eventually('readiness to come back', () => fetch(`${base}/health/ready`).then((r) => r.ok, () => false), 180_000, 500);

    // Read models equal a fold of the log from zero, table by table; every hash chain holds.
    const verify = await cli(['verify'], cluster.writeUrl(DATABASE));
    expect(verify).toMatchObject({ code: 0 });
  });

  it('serves queries from a replica, naming it and its lag in response headers', async () => {
    await cluster.script('wait-healthy');
    const response = await fetch(`${base}/dashboards/wards/W01`, { headers: { Authorization: `Bearer ${auditor}` } });
    expect(response.status).toBe(200);
    readReplica = { source: response.headers.get('x-read-source'), lag: response.headers.get('x-replica-lag-seconds') };
    expect(readReplica.source).toBe('replica');
    expect(Number(readReplica.lag)).toBeGreaterThanOrEqual(0);
  });

  it('restores a full backup and the WAL archive into a fresh cluster at a moment between two known commands: exactly the log up to then, verified, projections rebuilt', async () => {
    await cluster.script('wait-healthy');
    await cluster.script('backup', 'full');

    const before = await submit(9_000_001);
    expect(before.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [{ target }] = await query<{ target: string }>(cluster.writeUrl(DATABASE), `SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00' AS target`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await submit(9_000_002);
    expect(after.status).toBe(201);

    // The segment holding the second command goes to the archive now rather than at archive_timeout.
    const [{ segment }] = await query<{ segment: string }>(cluster.writeUrl(DATABASE), 'SELECT pg_walfile_name(pg_switch_wal()) AS segment');
    await eventually('the WAL segment to be archived', async () => {
      const [row] = await query<{ last: string | null }>(cluster.writeUrl(DATABASE), 'SELECT last_archived_wal AS last FROM pg_stat_archiver');
      return row.last !== null && row.last.slice(8) >= segment.slice(8);
    }, 60_000, 200);

    const port = await freePort(55450);
    await cluster.script('restore', target, join(cluster.dir, 'restore-1'), String(port));
    const restoredUrl = `postgres://postgres@127.0.0.1:${port}/${DATABASE}`;

    type Row = { global_position: string; event_id: string; stream_id: string; hash: string };
    const columns = 'SELECT global_position, event_id, stream_id, hash FROM events ORDER BY global_position';
    const [restored, leader] = await Promise.all([query<Row>(restoredUrl, columns), query<Row>(cluster.writeUrl(DATABASE), columns)]);
    expect(restored.length).toBeGreaterThan(0);
    // Exactly a prefix of the log: the same events, positions and hashes, and nothing else.
    expect(restored).toEqual(leader.slice(0, restored.length));
    const streamOf = (id: string) => `support-application-${id}`;
    expect(restored.some((row) => row.stream_id === streamOf(before.id!))).toBe(true);
    expect(restored.some((row) => row.stream_id === streamOf(after.id!))).toBe(false);
    // What the restore left out is the second command's, and only that.
    expect(leader.slice(restored.length).map((row) => row.stream_id)).toContain(streamOf(after.id!));

    for (const projection of registeredProjections(shippedCatalog())) {
      const rebuilt = await cli(['projections', 'rebuild', projection.name, '--no-progress'], restoredUrl);
      expect(rebuilt).toMatchObject({ code: 0 });
    }
    const verify = await cli(['verify'], restoredUrl);
    expect(verify).toMatchObject({ code: 0 });
    restoreVerified = true;
  });

  afterAll(() => {
    // The figures of this run, committed with the code (docs/OPERATIONS.md and docs/CAPACITY.md quote them).
    if (failovers.length === 0) return;
    const acknowledged = answers.filter((a) => a.status === 201).length;
    mkdirSync(RESULTS, { recursive: true });
    const file = join(RESULTS, `ha-${new Date().toISOString().slice(0, 10)}.json`);
    writeFileSync(file, `${JSON.stringify({
      suite: 'npm run test:ha (test/ha/failover.ha-spec.ts)',
      measuredAt: new Date().toISOString(),
      topology: 'ha/cluster.sh: 1 etcd, 3 PostgreSQL 15 nodes under Patroni (synchronous_mode strict, ttl 10 s, loop_wait 2 s, primary_start_timeout 0), HAProxy write/read ports (check every 1 s, down after 2), pgBackRest; one host, loopback',
      load: `${WORKERS} clients, each POST /applications then ${PAUSE_MS} ms pause; a client retries at once after a 503 (it does not wait Retry-After), so refusals count attempts, not commands`,
      machine_load_average: loadavg().map((value) => Number(value.toFixed(2))),
      acknowledged,
      lost,
      refused: failovers.reduce((sum, f) => sum + f.refused, 0),
      refused_total: answers.filter((a) => a.status === 503).length,
      failover_s: Math.max(...failovers.map((f) => f.failover_s)),
      failovers,
      read_replica: readReplica,
      restore_verified: restoreVerified,
    }, null, 2)}\n`);
  });
});
