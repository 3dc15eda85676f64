import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { appendCeiling, appendOurs, appendPeer, appendPgbench, consumerGapOurs, consumerGapPeer, payloadBytes, timed, type AppendFigure } from './append.bench';
import { catchUp } from './catchup.bench';
import { httpMix, type HttpFigure } from './http.bench';
import { listsBench } from './lists.bench';
import { createBenchDatabase, machineLoad, type BenchDatabase } from './lib/bench-db';
import { round } from './lib/stats';
import { runQueries } from './queries.bench';
import { markdownReport, printTable } from './report';

const run = promisify(execFile);

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const keep = args.includes('--keep');
const profile = args.includes('--profile');
const only = (args.find((arg) => arg.startsWith('--only='))?.slice(7).split(',') ?? ['scale', 'append', 'gap', 'http', 'lists']);

/** Sizes and bounds: every load loop stops at a time and a count, whichever comes first. */
const plan = quick
  ? { lists: { importRows: 500, actSize: 500, decisionSize: 1_000, listSize: 500 }, full: 10_000, small: 1_000, wards: 100, appendSeconds: 1.5, maxOps: 50_000, gapSeconds: 2, httpSeconds: 8, connections: 16, querySamples: 60, catchupTimeout: 300 }
  : { lists: { importRows: 10_000, actSize: 5_000, decisionSize: 50_000, listSize: 5_000 }, full: 200_000, small: 20_000, wards: 100, appendSeconds: 10, maxOps: 1_000_000, gapSeconds: 10, httpSeconds: 30, connections: 16, querySamples: 400, catchupTimeout: 3600 };

const root = join(__dirname, '..', '..', '..');
const resultsDir = join(root, 'bench', 'results');
const profileDir = profile ? join(resultsDir, 'profiles') : undefined;
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** `cli seed --bulk`: the demo seeder through the domain, many commands per statement. */
const seed = async (db: BenchDatabase, applications: number) => {
  const cli = join(root, 'dist', 'apps', 'cli', 'src', 'main.js');
  const { value, seconds } = await timed(() =>
    run(process.execPath, [cli, 'seed', '--applications', String(applications), '--wards', String(plan.wards), '--bulk', '--no-progress'], {
      env: { ...process.env, DATABASE_URL: db.url },
      timeout: 3600_000,
      maxBuffer: 1 << 20,
    }),
  );
  const [{ events }] = (await db.pool.query('SELECT count(*)::int AS events FROM events')).rows;
  log(value.stdout.trim());
  return { applications, events, seconds: round(seconds, 1), applications_per_s: round(applications / seconds, 0), events_per_s: round(events / seconds, 0) };
};

const ratio = (a: number, b: number | undefined) => (b ? round(a / b, 2) : null);

/** A failing section (say, the server restarted under it by someone's test) is recorded, and the run goes on. */
const section = async <T>(name: string, work: () => Promise<T>): Promise<T | { error: string }> => {
  try {
    return await work();
  } catch (error) {
    log(`${name} FAILED: ${(error as Error).message}`);
    return { error: String((error as Error).message ?? error) };
  }
};

const main = async () => {
  const started = new Date();
  const results: Record<string, any> = {
    meta: {
      date: started.toISOString(),
      quick,
      plan,
      load_before: await machineLoad(),
      node: process.version,
      payload_bytes: payloadBytes,
      note: 'one run, one machine; other engineers may be running tests on the same cores: see load_before/load_after',
    },
  };
  const growth: Record<string, any> = {};
  let full: BenchDatabase | null = null;
  try {
    for (const [label, applications] of [['small', plan.small], ['full', plan.full]] as const) {
      if (!only.includes('scale') && label === 'small') continue;
      if (!only.includes('scale') && !only.includes('http')) continue;
      const db = await createBenchDatabase(`${label}_${process.pid}`);
      try {
        results.meta.postgres ??= (await db.pool.query('SHOW server_version')).rows[0].server_version;
        results.meta.synchronous_commit ??= (await db.pool.query('SHOW synchronous_commit')).rows[0].synchronous_commit;
        const entry: Record<string, any> = (growth[label] = {});
        log(`${label}: seeding ${applications} applications (cli seed --bulk)`);
        entry.seed = await seed(db, applications);
        // Every read model from zero; it also leaves the projector at the head for the HTTP run.
        log(`${label}: catch-up, every read model from zero over ${entry.seed.events} events`);
        entry.catchup = await section('catch-up', () => catchUp(db, { batchSize: 5000, profileDir, timeoutSeconds: plan.catchupTimeout }));
        log(`${label}: catch-up ${JSON.stringify(entry.catchup)}`);
        if (only.includes('scale')) {
          log(`${label}: queries (${plan.querySamples} samples each)`);
          entry.queries = await section('queries', () => runQueries(db, plan.querySamples));
        }
        if (label === 'full' && only.includes('http')) {
          // Headline: API and projector as separate processes, as docker/compose.yaml runs them; then `npm start`'s one process.
          // The ceiling before and after ours (the machine is shared: its load drifts over a run); the mean is the reference.
          const ceiling = async (when: string) => {
            log(`HTTP ceiling (${when}): ${plan.connections} connections for ${plan.httpSeconds} s against bench/src/ceiling-server (node:http + pg)`);
            const figure = await section('http ceiling', () => httpMix(db, { seconds: plan.httpSeconds, connections: plan.connections, port: 3937, shape: 'ceiling' }));
            log(`  ${JSON.stringify(figure)}`);
            return figure;
          };
          const ceilings = [await ceiling('before')];
          log(`HTTP: ${plan.connections} connections for ${plan.httpSeconds} s against the API, the projector in a process of its own, on the province`);
          results.http = await section('http', () => httpMix(db, { seconds: plan.httpSeconds, connections: plan.connections, port: 3917, shape: 'separate-processes', profileDir }));
          results.live_lag = results.http.lag;
          log(`  ${JSON.stringify(results.http)}`);
          log(`HTTP: the same against API and projector in one process (npm start)`);
          results.http_one_process = await section('http one process', () => httpMix(db, { seconds: plan.httpSeconds, connections: plan.connections, port: 3927, shape: 'one-process', profileDir }));
          log(`  ${JSON.stringify(results.http_one_process)}`);
          ceilings.push(await ceiling('after'));
          const measured = ceilings.filter((figure): figure is HttpFigure => !('error' in figure));
          if (measured.length) {
            const ceilingRps = round(measured.reduce((sum, figure) => sum + figure.rps, 0) / measured.length, 0);
            results.http_ceiling = { runs: ceilings, rps: ceilingRps, p99_ms: Math.max(...measured.map((figure) => figure.p99_ms)), errors: measured.reduce((sum, figure) => sum + figure.errors, 0) };
            for (const key of ['http', 'http_one_process']) {
              if (results[key] && !results[key].error) Object.assign(results[key], { ceiling_rps: ceilingRps, vs_ceiling: ratio(results[key].rps, ceilingRps) });
            }
          }
        }
        if (only.includes('scale')) {
          // Last: these events are not the province's; nothing reads this log after them.
          log(`${label}: our append at 8 writers into a log of ${entry.seed.events} events`);
          entry.append_w8 = await section('growth append', () => appendOurs(db, 8, 1, plan.appendSeconds, plan.maxOps));
        }
      } finally {
        if (keep) log(`kept ${db.name}`);
        else await db.drop();
      }
    }
    results.growth = growth;
    if (growth.full?.catchup) results.catchup = growth.full.catchup;
    if (growth.full?.queries) results.queries = growth.full.queries;
    // Append and consumer figures on an empty log of their own, the peer's and the ceiling's tables beside it.
    if (only.includes('append') || only.includes('gap')) full = await createBenchDatabase(`append_${process.pid}`);
    // First, while the tables are small: a consumer's reads should not pay for the matrix's history.
    if (only.includes('gap') && full) {
      log('tailing consumers while 8 writers append');
      const db = full;
      results.consumer_gap = { w8: { ours: await section('gap ours', () => consumerGapOurs(db, 8, plan.gapSeconds, plan.maxOps)), peer: await section('gap peer', () => consumerGapPeer(db, 8, plan.gapSeconds, plan.maxOps)) } };
      log(`  ${JSON.stringify(results.consumer_gap.w8)}`);
    }
    if (only.includes('append') && full) {
      const db = full;
      results.append = {};
      // Untimed: each store's code compiled hot and its statements prepared before the matrix.
      log('append: warm-up, 1 s each');
      await appendOurs(db, 8, 1, 1, plan.maxOps, 'warm-ours');
      await appendPeer(db, 8, 1, 1, plan.maxOps, 'warm-peer');
      await appendCeiling(db, 8, 1, 1, plan.maxOps);
      for (const writers of [1, 8, 32]) {
        const entry: Record<string, any> = {};
        for (const batch of [1, 10]) {
          log(`append: ${writers} writer(s), ${batch}-event appends`);
          try {
          const ours = await appendOurs(db, writers, batch, plan.appendSeconds, plan.maxOps);
          const peer = await appendPeer(db, writers, batch, plan.appendSeconds, plan.maxOps);
          const ceiling = await appendCeiling(db, writers, batch, plan.appendSeconds, plan.maxOps);
          const pgbench = await appendPgbench(db, writers, batch, plan.appendSeconds);
          const figures = { ours, peer, ceiling, pgbench };
          const suffix = batch === 1 ? '' : `_x${batch}`;
          Object.assign(entry, {
            [`ours_eps${suffix}`]: ours.eps, [`peer_eps${suffix}`]: peer.eps, [`ceiling_eps${suffix}`]: ceiling.eps, [`pgbench_eps${suffix}`]: pgbench?.eps ?? null,
            [`ours_vs_peer${suffix}`]: ratio(ours.eps, peer.eps), [`ours_vs_ceiling${suffix}`]: ratio(ours.eps, ceiling.eps), [`ours_vs_pgbench${suffix}`]: ratio(ours.eps, pgbench?.eps),
            [`detail${suffix}`]: figures,
          });
          log(`  ours ${ours.eps}/s (p50 ${ours.p50_ms} p99 ${ours.p99_ms} ms), peer ${peer.eps}/s, plain INSERT ${ceiling.eps}/s, pgbench ${pgbench?.eps ?? '-'}/s`);
          } catch (error) {
            log(`  FAILED: ${(error as Error).message}`);
            entry[`error${batch === 1 ? '' : `_x${batch}`}`] = (error as Error).message;
          }
        }
        results.append[`w${writers}`] = entry;
      }
    }
  } finally {
    if (full && !keep) await full.drop();
    else if (full) log(`kept ${full.name}`);
  }
  if (only.includes('lists')) {
    // Issue 13: a 10,000-row import, a 5,000-application list act, a 50,000-application decision, with the API's peak memory.
    const db = await createBenchDatabase(`lists_${process.pid}`);
    try {
      results.lists = await section('lists', () => listsBench(db, plan.lists, 3937, log, profileDir));
      log(`  ${JSON.stringify(results.lists)}`);
    } finally {
      if (!keep) await db.drop();
    }
  }
  results.meta.load_after = await machineLoad();
  results.meta.seconds = round((Date.now() - started.getTime()) / 1000, 0);
  await mkdir(resultsDir, { recursive: true });
  // A partial run (--only) or a second run of the day never writes over a committed full run.
  const partial = args.some((arg) => arg.startsWith('--only=')) ? `-only-${only.join('-')}` : '';
  let stamp = started.toISOString().slice(0, 10) + (quick ? '-quick' : '') + partial;
  if (existsSync(join(resultsDir, `${stamp}.json`))) stamp += `-${started.toISOString().slice(11, 16).replace(':', '')}`;
  await writeFile(join(resultsDir, `${stamp}.json`), JSON.stringify(results, null, 2) + '\n');
  await writeFile(join(resultsDir, `${stamp}.md`), markdownReport(results));
  printTable(results);
  log(`wrote bench/results/${stamp}.json and .md in ${results.meta.seconds} s`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

export type { AppendFigure };
