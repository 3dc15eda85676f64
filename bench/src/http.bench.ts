import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { amountFor, findCategory, parseClaim } from '@lib/domain';
import { loadProgrammes, writeNewSigningKey } from '@lib/platform';
import type { BenchDatabase } from './lib/bench-db';
import { machineBusySeconds } from './lib/machine-cpu';
import { serviceNodeOptions } from './lib/service-node-options';
import { Latencies, nowMs, round, sleep } from './lib/stats';

const SECRET = 'relief-ledger-bench-secret-0123456789';

/** The projector's process signs anchors: one key for the run, in a temporary folder with the anchor files. */
let anchorSettings: { ANCHOR_KEY_FILE: string; ANCHOR_DIR: string } | null = null;
const anchoring = () => {
  if (!anchorSettings) {
    const dir = mkdtempSync(join(tmpdir(), 'rl-bench-anchors-'));
    writeNewSigningKey(join(dir, 'anchor-key.pem'));
    anchorSettings = { ANCHOR_KEY_FILE: join(dir, 'anchor-key.pem'), ANCHOR_DIR: join(dir, 'anchors') };
  }
  return anchorSettings;
};
const WARDS = 12;

const b64 = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** An HS256 development token, as `cli token` mints them. */
export const token = (sub: string, role: string, ward: string | null): string => {
  const head = b64({ alg: 'HS256', typ: 'JWT' });
  const now = Math.floor(Date.now() / 1000);
  const body = b64({ sub, name: sub, roles: [role], ward, iat: now, exp: now + 3600 });
  return `${head}.${body}.${createHmac('sha256', SECRET).update(`${head}.${body}`).digest('base64url')}`;
};

export interface HttpFigure {
  rps: number;
  commands_per_s: number;
  reads_per_s: number;
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  p99_9_ms: number;
  errors: number;
  non_2xx: number;
  timeouts: number;
  requests: number;
  connections: number;
  seconds: number;
  by_kind: Record<string, number>;
  /** Seconds waited after start-up for the processes to go quiet (see settle). */
  settled_s: number;
  /**
   * CPU milliseconds per request during the timed mix: the service's processes, the server's
   * backends serving this database, and the whole machine (the load driver included). On a
   * shared machine whose speed swings, where a request's time goes is steadier than requests/s.
   */
  cpu_ms_per_request: { service: number; server: number; machine: number; by_process: Record<string, number> } | null;
  lag: { p50_ms: number; p99_ms: number; max_ms: number; samples: number; timeouts: number };
}

/** A service process of ours (`apps/<app>/src/main.js`), ready once /health/live answers where it listens. */
export const startProcess = async (db: BenchDatabase, app: 'api' | 'projector' | 'ceiling', env: Record<string, string>, healthPort: number, profileDir?: string): Promise<ChildProcess> => {
  const main = app === 'ceiling' ? join(__dirname, 'ceiling-server.js') : join(__dirname, '..', '..', 'apps', app, 'src', 'main.js');
  const flags = app === 'ceiling' ? [] : serviceNodeOptions();
  const child = spawn(process.execPath, [...flags, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), main], {
    env: { ...process.env, DATABASE_URL: db.url, JWT_SECRET: SECRET, CITIZEN_KEY_SECRET: 'relief-ledger-bench-citizen-key-0123456789', RATE_LIMIT: '0', LOG_LEVEL: 'warn', DEMO_APPLICATIONS: '0', ...anchoring(), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the ${app} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${healthPort}/health/live`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the ${app} did not start within 60 s`);
};

/** The server's backends for one database (their process titles name it), summed; null where there is no /proc. */
const backendCpuSeconds = (database: string): number | null => {
  try {
    let total = 0;
    for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      try {
        const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
        if (title.startsWith('postgres: ') && title.split(' ').includes(database)) total += cpuSeconds(Number(pid)) ?? 0;
      } catch {
        // the process ended meanwhile
      }
    }
    return total;
  } catch {
    return null;
  }
};

/** CPU seconds a process has used so far (Linux /proc; null elsewhere). */
const cpuSeconds = (pid: number): number | null => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
};

/**
 * Waits (at most `limitSeconds`) until the service's processes use under a fifth of a core: a
 * projector that starts folds the whole log once for its anchor signer, and catches up, which
 * is start-up work, not the mix's. Returns the seconds waited.
 */
const settle = async (processes: ChildProcess[], limitSeconds: number): Promise<number> => {
  const started = nowMs();
  while (nowMs() - started < limitSeconds * 1000) {
    const before = processes.map((child) => cpuSeconds(child.pid!));
    if (before.some((value) => value === null)) break;
    await sleep(1000);
    const used = processes.reduce((sum, child, index) => sum + (cpuSeconds(child.pid!) ?? 0) - before[index]!, 0);
    if (used < 0.2) break;
  }
  return round((nowMs() - started) / 1000, 1);
};

/**
 * The service in one of its two shapes: `npm start` (API and projector in one process), or
 * API and projector as separate processes, as docker/compose.yaml runs them.
 */
const startService = async (db: BenchDatabase, port: number, shape: HttpShape, profileDir?: string): Promise<ChildProcess[]> => {
  if (shape === 'ceiling') return [await startProcess(db, 'ceiling', { PORT: String(port) }, port, profileDir)];
  if (shape === 'one-process') return [await startProcess(db, 'api', { PORT: String(port), RUN: 'all' }, port, profileDir)];
  if (shape === 'api-alone') return [await startProcess(db, 'api', { PORT: String(port), RUN: 'api' }, port, profileDir)];
  const api = await startProcess(db, 'api', { PORT: String(port), RUN: 'api' }, port, profileDir);
  try {
    return [api, await startProcess(db, 'projector', { PROJECTOR_PORT: String(port + 1), RUN: 'projector' }, port + 1, profileDir)];
  } catch (error) {
    await stopApi(api);
    throw error;
  }
};

/**
 * `ceiling`: bench/src/ceiling-server.ts, the least the mix needs (no projector, so no lag probe).
 * `api-alone`: the API with no projector running, to tell the request path's cost from the projector's.
 */
export type HttpShape = 'one-process' | 'separate-processes' | 'ceiling' | 'api-alone';

export const stopApi = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(20_000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
};

type CpuSnapshot = { processes: (number | null)[]; server: number | null; machine: number | null };

const cpuPerRequest = (before: CpuSnapshot, after: CpuSnapshot, names: string[], requests: number): HttpFigure['cpu_ms_per_request'] => {
  const used = (from: number | null, to: number | null) => (from === null || to === null ? null : to - from);
  const processes = names.map((_name, index) => used(before.processes[index], after.processes[index]));
  const server = used(before.server, after.server);
  const machine = used(before.machine, after.machine);
  if (requests === 0 || server === null || machine === null || processes.some((value) => value === null)) return null;
  const perRequest = (seconds: number) => round((seconds * 1000) / requests, 2);
  return {
    service: perRequest(processes.reduce<number>((sum, value) => sum + value!, 0)),
    server: perRequest(server),
    machine: perRequest(machine),
    by_process: Object.fromEntries(names.map((name, index) => [name, perRequest(processes[index]!)])),
  };
};

/**
 * A realistic mix against a running service (in the shape given): every connection takes category-7 households from intake to payment, each
 * step by its own officer, with reads in between: 5 commands and 5 reads per case.
 * Meanwhile a probe submits one application every 100 ms and times how long its row takes to
 * appear in the read model after the 201 (live projection lag).
 */
export const httpMix = async (db: BenchDatabase, options: { seconds: number; connections: number; port: number; shape: HttpShape; profileDir?: string }): Promise<HttpFigure> => {
  const programme = loadProgrammes().find((p) => p.id === 'nq42-2020')!;
  const category = findCategory(programme, '7')!;
  const claim = { povertyListRef: 'QĐ-HN-2019/17', householdMembers: 4, listStatus: 'poor' };
  const parsed = parseClaim(category, claim);
  const amount = amountFor(category, parsed, parsed.months);
  const base = randomInt(100_000, 900_000);
  let serial = 0;
  const wards = Array.from({ length: WARDS }, (_, i) => `W${String(i + 1).padStart(2, '0')}`);
  const tokens = new Map<string, string>();
  const auth = (role: string, ward: string | null, sub = `${role}-${ward ?? 'province'}`) => {
    const key = `${sub}|${role}|${ward}`;
    if (!tokens.has(key)) tokens.set(key, `Bearer ${token(sub, role, ward)}`);
    return tokens.get(key)!;
  };
  const applicant = (ward: string) => {
    serial += 1;
    return { citizenId: `0991${String((base * 1000 + serial) % 1e8).padStart(8, '0')}`, fullName: 'Lương Văn Bench', dateOfBirth: '1970-01-01', ward, address: `Số ${serial} Lê Lợi, ${ward}`, phone: '0912345678' };
  };
  const byKind: Record<string, number> = {};
  const json = { 'content-type': 'application/json' };
  type Ctx = { id?: string; ward?: string };
  const wardOf = (ctx: Ctx) => (ctx.ward ??= wards[randomInt(0, WARDS)]);
  const step = (kind: string, method: 'GET' | 'POST', path: (ctx: Ctx) => string, role: string | null, body?: (ctx: Ctx) => object, central = false) => ({
    method,
    setupRequest: (request: Record<string, unknown>, ctx: Ctx) => ({
      ...request,
      method,
      path: path(ctx),
      headers: { ...(method === 'POST' ? json : {}), authorization: auth(role ?? 'auditor', central || !role ? null : wardOf(ctx)) },
      ...(body ? { body: JSON.stringify(body(ctx)) } : {}),
    }),
    onResponse: (status: number, responseBody: string, ctx: Ctx) => {
      byKind[kind] = (byKind[kind] ?? 0) + 1;
      if (kind === 'intake' && status === 201) ctx.id = JSON.parse(responseBody).id;
    },
  });
  const requests = [
    { ...step('intake', 'POST', () => '/applications', 'intake-officer', (ctx) => ({ programme: 'nq42-2020', category: '7', applicant: applicant(wardOf(ctx)), claim })),
      setupRequest: (request: Record<string, unknown>, ctx: Ctx) => {
        ctx.ward = wards[randomInt(0, WARDS)];
        ctx.id = undefined;
        return { ...request, method: 'POST', path: '/applications', headers: { ...json, authorization: auth('intake-officer', ctx.ward) }, body: JSON.stringify({ programme: 'nq42-2020', category: '7', applicant: applicant(ctx.ward), claim }) };
      } },
    step('read-application', 'GET', (ctx) => `/applications/${ctx.id}`, null),
    step('village-review', 'POST', (ctx) => `/applications/${ctx.id}/village-review`, 'village-reviewer', () => ({ outcome: 'confirmed', minutesRef: 'BB-01/2020' })),
    step('read-list', 'GET', (ctx) => `/applications?ward=${wardOf(ctx)}&limit=20`, null),
    step('ward-approval', 'POST', (ctx) => `/applications/${ctx.id}/ward-approval`, 'ward-approver', () => ({ decision: 'approved' })),
    step('provincial-decision', 'POST', (ctx) => `/applications/${ctx.id}/steps/provincial-decision`, 'province-approver', () => ({ outcome: 'completed', decisionNo: '1052/QĐ-UBND' }), true),
    step('read-history', 'GET', (ctx) => `/applications/${ctx.id}/history`, null),
    step('payment', 'POST', (ctx) => `/applications/${ctx.id}/payment`, 'treasurer', () => ({ amount, method: 'post-office', reference: 'BĐ-2020' })),
    step('read-dashboard', 'GET', (ctx) => `/dashboards/wards/${wardOf(ctx)}?asOf=2020-06-30`, null),
    step('read-application', 'GET', (ctx) => `/applications/${ctx.id}`, null),
  ];
  const service = await startService(db, options.port, options.shape, options.profileDir);
  const settledSeconds = await settle(service, 300);
  const lag = new Latencies();
  let lagTimeouts = 0;
  let probing = true;
  try {
    // Warm-up: one full case, so the first timed requests do not pay for JIT and pool set-up.
    await autocannon({ url: `http://127.0.0.1:${options.port}`, connections: 2, amount: 40, requests: requests as never });
    const probe = (async () => {
      const deadline = nowMs() + options.seconds * 1000;
      while (probing && options.shape !== 'ceiling' && options.shape !== 'api-alone' && nowMs() < deadline) {
        const ward = wards[randomInt(0, WARDS)];
        const response = await fetch(`http://127.0.0.1:${options.port}/applications`, {
          method: 'POST',
          headers: { ...json, authorization: auth('intake-officer', ward) },
          body: JSON.stringify({ programme: 'nq42-2020', category: '7', applicant: applicant(ward), claim }),
        });
        const acknowledged = nowMs();
        if (response.status === 201) {
          const { id } = (await response.json()) as { id: string };
          let seen = false;
          for (let polls = 0; polls < 5000 && !seen; polls += 1) {
            seen = (await db.pool.query('SELECT 1 FROM application_overview WHERE application_id = $1', [id])).rowCount === 1;
            if (!seen) await sleep(2);
          }
          if (seen) lag.add(nowMs() - acknowledged);
          else lagTimeouts += 1;
        }
        await sleep(100);
      }
    })();
    Object.keys(byKind).forEach((key) => delete byKind[key]);
    const cpuNow = () => ({ processes: service.map((child) => cpuSeconds(child.pid!)), server: backendCpuSeconds(db.name), machine: machineBusySeconds() });
    const cpuBefore = cpuNow();
    const result = await autocannon({
      url: `http://127.0.0.1:${options.port}`,
      connections: options.connections,
      duration: options.seconds,
      timeout: 10,
      requests: requests as never,
    });
    const cpuAfter = cpuNow();
    probing = false;
    await probe;
    const latency = result.latency as unknown as Record<string, number>;
    const commands = ['intake', 'village-review', 'ward-approval', 'provincial-decision', 'payment'].reduce((sum, kind) => sum + (byKind[kind] ?? 0), 0);
    const total = Object.values(byKind).reduce((sum, n) => sum + n, 0);
    return {
      rps: round(result.requests.average, 0),
      commands_per_s: round(commands / result.duration, 0),
      reads_per_s: round((total - commands) / result.duration, 0),
      p50_ms: latency.p50,
      p90_ms: latency.p90,
      p99_ms: latency.p99,
      p99_9_ms: latency.p99_9 ?? latency['p99.9'],
      errors: result.errors + result.non2xx,
      non_2xx: result.non2xx,
      timeouts: result.timeouts,
      requests: result.requests.total,
      connections: options.connections,
      seconds: result.duration,
      by_kind: { ...byKind },
      settled_s: settledSeconds,
      cpu_ms_per_request: cpuPerRequest(cpuBefore, cpuAfter, service.length === 2 ? ['api', 'projector'] : [options.shape === 'ceiling' ? 'ceiling' : 'api'], result.requests.total),
      lag: { ...(({ p50_ms, p99_ms, max_ms, samples }) => ({ p50_ms, p99_ms, max_ms, samples }))(lag.summary()), timeouts: lagTimeouts },
    };
  } finally {
    probing = false;
    for (const child of service) await stopApi(child);
  }
};
