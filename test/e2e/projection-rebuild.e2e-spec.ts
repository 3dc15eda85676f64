import { EventStore } from '@lib/event-store';
import { DemoSeeder } from '@lib/seeding';
import { ProgrammeRegistry } from '@lib/platform';
import { SupportApplicationWriter } from '@lib/application';
import { createTestDatabase, type TestDatabase, shippedCatalog } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';
import { ProjectionRebuilder, Projector, projectionStatus, registeredProjections } from '@lib/projections';

describe('ProjectionRebuilder', () => {
  let db: TestDatabase;
  let api: ApiTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('rebuilder');
    api = await createApiTestApp(db);
    await new DemoSeeder(api.app.get(SupportApplicationWriter), api.app.get(ProgrammeRegistry)).run({ applications: 150, wards: 3, seed: 7, concurrency: 6, programmeId: 'nq42-2020' });
    await api.settle();
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const overview = () => db.dataSource.query('SELECT * FROM application_overview ORDER BY application_id');
  const projection = () => registeredProjections(shippedCatalog()).find((p) => p.name === 'application-overview')!;

  describe('while the API is serving reads', () => {
    it('switches to tables equal to the old ones, and no read fails meanwhile', async () => {
      const before = await overview();
      const [sample] = before;
      const token = api.token('inspector', null);
      const statuses: number[] = [];
      let rebuilding = true;
      const reads = (async () => {
        while (rebuilding) {
          const [one, list] = await Promise.all([
            api.http.get(`/applications/${sample.application_id}`).set('Authorization', `Bearer ${token}`),
            api.http.get('/applications?limit=20&ward=W01').set('Authorization', `Bearer ${token}`),
          ]);
          statuses.push(one.status, list.status);
        }
      })();
      const progress: number[] = [];
      const report = await new ProjectionRebuilder(api.app.get(EventStore), db.dataSource, 40).rebuild(projection(), ({ applied }) => progress.push(applied));
      rebuilding = false;
      await reads;
      expect(await overview()).toEqual(before);
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.every((status) => status === 200)).toBe(true);
      expect(progress.length).toBeGreaterThan(2);
      expect(report.events).toBe(Number((await db.pool.query('SELECT count(*) FROM events')).rows[0].count));
      const schemas = await db.pool.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild\\_%' OR nspname LIKE 'retired\\_%'`);
      expect(schemas.rows).toEqual([]);
    });
  });

  describe('when a rebuild was interrupted', () => {
    it('resumes from its own checkpoint and still ends equal', async () => {
      const before = await overview();
      const store = api.app.get(EventStore);
      // An interrupted run: the copy exists with a few batches applied, then the process died.
      await db.dataSource.query('CREATE SCHEMA rebuild_application_overview');
      for (const table of [...projection().tables, 'projection_checkpoints']) {
        await db.dataSource.query(`CREATE TABLE rebuild_application_overview.${table} (LIKE public.${table} INCLUDING ALL)`);
      }
      const partial = new Projector(store, db.dataSource, [projection()], { batchSize: 25, pollIntervalMs: 1000, schema: 'rebuild_application_overview' });
      for (let n = 0; n < 3; n += 1) await partial.runBatch(projection());
      // Three batches of at least 25: a batch ends at the end of a transaction, never inside one.
      const [{ applied: partly }] = await db.dataSource.query(`SELECT events_applied::int AS applied FROM rebuild_application_overview.projection_checkpoints`);
      expect(partly).toBeGreaterThanOrEqual(75);
      const seen: number[] = [];
      await new ProjectionRebuilder(store, db.dataSource, 25).rebuild(projection(), ({ applied }) => seen.push(applied));
      expect(seen[0]).toBe(partly);
      expect(await overview()).toEqual(before);
    });
  });

  describe('after a rebuild', () => {
    it('reports the projection caught up at its code version', async () => {
      const [status] = await projectionStatus(db.dataSource, [projection()]);
      expect(status).toMatchObject({ name: 'application-overview', storedVersion: 1, codeVersion: 1, lagEvents: 0, rebuildNeeded: false });
    });
  });
});
