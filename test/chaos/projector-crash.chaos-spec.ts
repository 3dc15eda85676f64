import { DemoSeeder } from '@lib/seeding';
import { ProgrammeRegistry } from '@lib/platform';
import { SupportApplicationWriter } from '@lib/application';
import { registeredProjections } from '@lib/projections';
import { createTestDatabase, createWriteSideApp, type TestDatabase, shippedCatalog } from '@lib/testing';
import { copyLog } from './support/copy-log';
import { eventually, startService, type ServiceProcess } from './support/service-process';

const KILLS = 20;
const APPLICATIONS = 2000;
const PROJECTOR = 'relief-chaos-projector';

const withApplicationName = (url: string) => `${url}${url.includes('?') ? '&' : '?'}application_name=${PROJECTOR}`;

/**
 * kill -9 the standalone projector in the middle of a batch, again and again, while it works
 * through a large backlog from position zero; then let it finish. Its read models must equal
 * those a projector builds from zero, uninterrupted, over the same log in a fresh database:
 * a batch and its checkpoint commit together, so a crash neither loses nor repeats an event.
 */
describe('The projector, killed mid-batch while it catches up', () => {
  let source: TestDatabase;
  let fresh: TestDatabase;
  let projector: ServiceProcess | null = null;
  const projections = registeredProjections(shippedCatalog());

  beforeAll(async () => {
    [source, fresh] = await Promise.all([createTestDatabase('chaos_crash_source'), createTestDatabase('chaos_crash_fresh')]);
    const writer = await createWriteSideApp(source);
    try {
      await new DemoSeeder(writer.module.get(SupportApplicationWriter), writer.module.get(ProgrammeRegistry)).run({
        applications: APPLICATIONS, wards: 12, seed: 2020, concurrency: 8, programmeId: 'nq42-2020',
      });
    } finally {
      await writer.close();
    }
  });
  afterAll(async () => {
    if (projector && projector.child.exitCode === null) projector.child.kill('SIGKILL');
    await source?.drop();
    await fresh?.drop();
  });

  const count = async (db: TestDatabase) => (await db.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n as number;
  const checkpoints = async (db: TestDatabase) =>
    (await db.pool.query('SELECT name, position::text AS position, events_applied::int AS applied FROM projection_checkpoints ORDER BY name')).rows as { name: string; position: string; applied: number }[];
  const caughtUp = async (db: TestDatabase, total: number) => {
    const rows = await checkpoints(db);
    return rows.length === projections.length && rows.every((row) => row.applied === total);
  };
  const applied = async (db: TestDatabase) => (await db.pool.query('SELECT coalesce(sum(events_applied), 0)::int AS n FROM projection_checkpoints')).rows[0].n as number;
  /** The projector's session holds a transaction with a transaction id: it is inside a batch. */
  const inBatch = async () =>
    (await source.pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = $2 AND backend_xid IS NOT NULL`, [source.name, PROJECTOR])).rows[0].n > 0;

  const run = (db: TestDatabase, batchSize: number) =>
    startService('projector', { DATABASE_URL: withApplicationName(db.url), PROJECTOR_PORT: '0', PROJECTOR_BATCH_SIZE: String(batchSize), DB_POOL_SIZE: '4' });

  const finish = async (db: TestDatabase, total: number) => {
    projector = run(db, 500);
    await eventually('the projector to catch up', () => caughtUp(db, total), 300_000, 100);
    projector.child.kill('SIGTERM');
    expect(await projector.exited).toEqual({ code: 0, signal: null });
  };

  const dump = async (db: TestDatabase) => {
    const tables: Record<string, unknown[]> = {};
    for (const table of projections.flatMap((projection) => projection.tables)) {
      tables[table] = (await db.pool.query(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY t::text`)).rows.map((r) => r.row);
    }
    return tables;
  };

  it(`survives ${KILLS} kills mid-batch, and its read models equal a rebuild from zero`, async () => {
    const total = await count(source);
    expect(total).toBeGreaterThan(8_000);

    let killedMidBatch = 0;
    for (let kill = 1; kill <= KILLS; kill += 1) {
      const before = await applied(source);
      projector = run(source, 100);
      const started = projector;
      // Let it commit at least one batch in this life, so the backlog shrinks between kills; then
      // wait for it to be inside the next one, and kill it there.
      await eventually(`kill ${kill}: the projector inside a batch, after one committed`, async () => {
        if (started.child.exitCode !== null) throw new Error(`the projector exited by itself:\n${started.output()}`);
        return (await applied(source)) > before && (await inBatch());
      }, 120_000, 2);
      started.child.kill('SIGKILL');
      expect((await started.exited).signal).toBe('SIGKILL');
      killedMidBatch += 1;
    }
    expect(killedMidBatch).toBe(KILLS);
    // The kills landed while it was still catching up, not after.
    expect(await caughtUp(source, total)).toBe(false);
    const afterKills = await checkpoints(source);
    expect(afterKills.reduce((sum, row) => sum + row.applied, 0)).toBeGreaterThan(0);

    await finish(source, total);
    expect(await copyLog(source.pool, fresh.pool)).toBe(total);
    await finish(fresh, total);

    // Nothing lost, nothing applied twice, and the same rows.
    expect(await checkpoints(fresh)).toEqual(await checkpoints(source));
    const [rebuilt, survived] = await Promise.all([dump(fresh), dump(source)]);
    expect(rebuilt.application_overview).toHaveLength(APPLICATIONS);
    for (const table of Object.keys(rebuilt)) expect({ table, rows: survived[table] }).toEqual({ table, rows: rebuilt[table] });
    console.log(`projector: ${killedMidBatch} kill -9 mid-batch over ${total} events; ${Object.keys(rebuilt).length} read-model tables equal a build from zero`);
  });
});
