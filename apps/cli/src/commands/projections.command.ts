import { Presets, SingleBar } from 'cli-progress';
import { Pool } from 'pg';
import { DEFAULT_DATABASE_URL, ProgrammeRegistry, type AppConfig } from '@lib/platform';
import { PostgresEventStore } from '@lib/event-store';
import { createEventTypeRegistry } from '@lib/platform';
import { ProjectionRebuilder, createDataSource, projectionStatus, registeredProjections } from '@lib/projections';

const projectionsOf = (config: AppConfig) => registeredProjections(ProgrammeRegistry.load(config.PROGRAMMES_DIR).catalog);

const open = async (config: AppConfig) => {
  const url = config.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const dataSource = createDataSource(url, 4);
  await dataSource.initialize();
  const pool = new Pool({ connectionString: url, max: 4 });
  return {
    dataSource,
    store: new PostgresEventStore(pool, createEventTypeRegistry()),
    close: async () => {
      await pool.end();
      await dataSource.destroy();
    },
  };
};

export const printStatus = async (config: AppConfig, out: (line: string) => void): Promise<void> => {
  const db = await open(config);
  try {
    const rows = await projectionStatus(db.dataSource, projectionsOf(config));
    out(['projection'.padEnd(22), 'version', 'checkpoint (xid/position)'.padEnd(28), 'applied'.padStart(10), 'lag events'.padStart(11), 'lag s'.padStart(7)].join('  '));
    for (const row of rows) {
      const version = row.storedVersion === null ? `-/${row.codeVersion}` : `${row.storedVersion}/${row.codeVersion}${row.rebuildNeeded ? ' REBUILD' : ''}`;
      const checkpoint = row.checkpoint ? `${row.checkpoint.transactionId}/${row.checkpoint.position}` : '(never run)';
      out([row.name.padEnd(22), version.padEnd(7), checkpoint.padEnd(28), String(row.eventsApplied).padStart(10), String(row.lagEvents).padStart(11), String(row.lagSeconds).padStart(7)].join('  '));
    }
  } finally {
    await db.close();
  }
};

export const rebuild = async (config: AppConfig, name: string, progress: boolean, out: (line: string) => void): Promise<void> => {
  const projections = projectionsOf(config);
  const projection = projections.find((candidate) => candidate.name === name);
  if (!projection) throw new Error(`no projection ${name}; projections: ${projections.map((p) => p.name).join(', ')}`);
  const db = await open(config);
  const bar = new SingleBar(
    { format: `rebuilding ${name} v${projection.version} |{bar}| {value}/{total} events | {rate} events/s | ETA {eta_formatted}`, noTTYOutput: true, notTTYSchedule: 2000, etaBuffer: 50 },
    Presets.shades_classic,
  );
  const started = Date.now();
  let shown = false;
  try {
    const report = await new ProjectionRebuilder(db.store, db.dataSource).rebuild(projection, ({ applied, total }) => {
      if (!progress) return;
      if (!shown) bar.start(total, applied, { rate: '0' });
      shown = true;
      bar.setTotal(total);
      bar.update(applied, { rate: (applied / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0) });
    });
    if (shown) bar.stop();
    out(`rebuilt ${report.projection} v${report.version} from ${report.events} events in ${report.seconds.toFixed(1)} s and switched over`);
  } finally {
    if (shown) bar.stop();
    await db.close();
  }
};
