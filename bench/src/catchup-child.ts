import 'reflect-metadata';
import { Pool } from 'pg';
import { PostgresEventStore, START } from '@lib/event-store';
import { ProgrammeRegistry, createEventTypeRegistry } from '@lib/platform';
import { Projector, createDataSource, registeredProjections, type Projection } from '@lib/projections';
import { machineBusySeconds, processCpuSeconds } from './lib/machine-cpu';

/**
 * Run in a process of its own by catchup.bench.ts, so its peak memory is the projector's:
 * empties every read model and its checkpoint, then brings them all from position zero to
 * the head of the log, all projections sharing each batch read, and prints one JSON line.
 * With a third argument `read`: only the read ceiling (below), the read models untouched.
 */
/**
 * The read ceiling: the same batches read and parsed (PostgresEventStore.readAll, one batch read
 * ahead as the projector does), nothing applied. Catch-up can go no faster than this.
 */
const readOnly = async (pool: Pool, batchSize: number) => {
  const store = new PostgresEventStore(pool, createEventTypeRegistry());
  const started = performance.now();
  let events = 0;
  let next = store.readAll(START, batchSize);
  for (;;) {
    const batch = await next;
    if (batch.events.length === 0) break;
    events += batch.events.length;
    next = store.readAll(batch.checkpoint, batchSize);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ events, seconds: Number(seconds.toFixed(2)), eps: Math.round(events / seconds), batch_size: batchSize, max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));
};

const main = async () => {
  const [url, batchArg, mode] = process.argv.slice(2);
  const batchSize = Number(batchArg ?? 2000);
  const pool = new Pool({ connectionString: url, max: 4 });
  pool.on('error', () => undefined);
  if (mode === 'read') {
    try {
      return await readOnly(pool, batchSize);
    } finally {
      await pool.end();
    }
  }
  const dataSource = createDataSource(url, 4);
  await dataSource.initialize();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  try {
    const registered = registeredProjections(ProgrammeRegistry.load().catalog);
    for (const projection of registered) for (const table of projection.tables) await dataSource.query(`TRUNCATE ${table}`);
    await dataSource.query('DELETE FROM projection_checkpoints');
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM events');
    // The rate over the log's first and last tenth: a cost growing with the read models shows as a gap between them.
    const tenth = n / 10;
    let applied = 0;
    let lastTenthFrom: { events: number; at: number } | null = null;
    let firstTenth: number | null = null;
    // Each projection's apply, timed over those two tenths (milliseconds per 1,000 events): which of them grows.
    const tenths = { first: new Map<string, number>(), last: new Map<string, number>(), events: { first: 0, last: 0 } };
    const tenthOf = () => (applied < tenth ? 'first' : applied >= n - tenth ? 'last' : null);
    const projections: Projection[] = registered.map((projection) => ({
      name: projection.name,
      version: projection.version,
      handles: projection.handles,
      tables: projection.tables,
      apply: async (manager, events) => {
        const which = tenthOf();
        const from = performance.now();
        await projection.apply(manager, events);
        if (which) tenths[which].set(projection.name, (tenths[which].get(projection.name) ?? 0) + performance.now() - from);
      },
    }));
    const onApplied = (events: number) => {
      const which = tenthOf();
      if (which) tenths.events[which] += events;
      applied += events;
      const now = performance.now();
      if (firstTenth === null && applied >= tenth) firstTenth = Math.round(applied / ((now - started) / 1000));
      if (lastTenthFrom === null && applied >= n - tenth) lastTenthFrom = { events: applied, at: now };
    };
    const projector = new Projector(new PostgresEventStore(pool, createEventTypeRegistry()), dataSource, projections, { batchSize, pollIntervalMs: 1000, parallel: 5, onApplied });
    const started = performance.now();
    const cpuFrom = process.cpuUsage();
    const machineFrom = machineBusySeconds();
    // One shared read of each batch for every projection (Projector.catchUp), as the live projector does.
    await projector.catchUp();
    const seconds = (performance.now() - started) / 1000;
    const cpu = { projector_cpu_s: processCpuSeconds(cpuFrom), machine_cpu_s: machineFrom === null ? null : Number((machineBusySeconds()! - machineFrom).toFixed(1)) };
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const end = performance.now();
    const from = lastTenthFrom as { events: number; at: number } | null;
    const lastTenth = from && n > from.events && end > from.at ? Math.round((n - from.events) / ((end - from.at) / 1000)) : null;
    const perThousand = (which: 'first' | 'last') => Object.fromEntries([...tenths[which]].map(([name, ms]) => [name, Number(((1000 * ms) / Math.max(1, tenths.events[which])).toFixed(1))]));
    const applyMs = { first_tenth: perThousand('first'), last_tenth: perThousand('last') };
    console.log(JSON.stringify({ events: n, seconds: Number(seconds.toFixed(2)), eps: Math.round(n / seconds), eps_first_tenth: firstTenth, eps_last_tenth: lastTenth, apply_ms_per_1000_events: applyMs, ...cpu, batch_size: batchSize, peak_rss_mb: Math.round(peakRss / 2 ** 20), max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  } finally {
    clearInterval(sampler);
    await dataSource.destroy();
    await pool.end();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
