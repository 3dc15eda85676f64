import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type AppendRequest } from '@lib/event-store';
import { createEventTypeRegistry } from '@lib/platform';
import { anApplicant, createTestDatabase, paidInFull, shippedCatalog, submitted, type TestDatabase } from '@lib/testing';
import { ApplicationOverviewProjection } from '../application-overview/application-overview.projection';
import { BeneficiaryIndexProjection } from '../beneficiary-index/beneficiary-index.projection';
import { FraudAlertsProjection } from '../fraud-alerts/fraud-alerts.projection';
import { OverdueStepsProjection } from '../overdue-steps/overdue-steps.projection';
import { Projector } from '../projector/projector';

const APPLICATIONS = 30;
const TABLES: Record<string, string> = {
  application_overview: 'application_id',
  ward_totals: 'ward, category, status',
  beneficiary_applications: 'application_id',
  beneficiary_index: 'citizen_id',
  overdue_steps: 'application_id',
  fraud_case_facts: 'application_id',
  fraud_alerts: 'id',
};

/**
 * A batch ends only where a transaction does, so a provincial decision over 50,000 applications
 * is one batch; the projections read, fold and write it a chunk of applications at a time.
 * Here thirty applications, every event of them in one transaction: projected in chunks of four
 * (eight chunks, the last short) the read models are those of the batch taken whole.
 */
describe('one batch larger than a chunk', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('chunked_batches');
    store = new PostgresEventStore(db.pool, createEventTypeRegistry());
    const requests: AppendRequest[] = Array.from({ length: APPLICATIONS }, (_, n) => {
      const applicationId = randomUUID();
      // Two applications per person (a person in two wards), some taken to payment, some left waiting.
      const applicant = anApplicant({ citizenId: `0010800${String(10_000 + Math.floor(n / 2)).padStart(5, '0')}`, ward: `W0${1 + (n % 3)}` });
      const later = n % 3 === 0 ? [] : paidInFull('7').slice(1).map((event) => ({ ...event, data: { ...event.data, applicationId } }));
      const commandId = randomUUID();
      return {
        commandId,
        recordedAt: '2020-06-01T02:00:00.000Z',
        metadata: { actorId: 'legacy-import', role: null, ward: null, correlationId: commandId, causationId: null },
        appends: [{ streamId: `support-application-${applicationId}`, expected: { version: 0, hash: null }, events: [submitted('7', { applicationId, applicant }), ...later] }],
        result: {},
      };
    });
    await store.appendBatch(requests);
  });
  afterAll(() => db.drop());

  const build = async (schema: string, chunkRows: number) => {
    await db.dataSource.query(`CREATE SCHEMA ${schema}`);
    for (const table of ['projection_checkpoints', ...Object.keys(TABLES), 'fraud_budget_totals', 'fraud_alert_members', 'fraud_alert_resolutions']) {
      await db.dataSource.query(`CREATE TABLE ${schema}.${table} (LIKE public.${table} INCLUDING ALL)`);
    }
    const catalog = shippedCatalog();
    const projections = [new ApplicationOverviewProjection(chunkRows), new BeneficiaryIndexProjection(chunkRows), new OverdueStepsProjection(catalog, chunkRows), new FraudAlertsProjection(catalog, { chunkRows })];
    const batches: number[] = [];
    const projector = new Projector(store, db.dataSource, projections, { batchSize: 5, pollIntervalMs: 1000, schema, onApplied: (events) => batches.push(events) });
    const [{ total }] = await db.dataSource.query('SELECT count(*)::int AS total FROM events');
    // The reader stops below the oldest transaction open anywhere on the server: catch up until all is applied.
    for (let applied = 0; applied < total; ) {
      await projector.catchUp();
      [{ applied }] = await db.dataSource.query(`SELECT min(events_applied)::int AS applied FROM ${schema}.projection_checkpoints`);
      if (applied < total) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const tables: Record<string, unknown[]> = {};
    for (const [table, key] of Object.entries(TABLES)) tables[table] = await db.dataSource.query(`SELECT * FROM ${schema}.${table} ORDER BY ${key}`);
    return { tables, batches, total };
  };

  it('writes the same read models in chunks of four as whole', async () => {
    const chunked = await build('in_chunks', 4);
    const whole = await build('whole', 10_000);
    // Batches of five events asked for, one batch given: the transaction is never cut.
    expect(chunked.batches).toEqual([chunked.total]);
    expect(chunked.tables.application_overview).toHaveLength(APPLICATIONS);
    expect(chunked.tables.beneficiary_index).toHaveLength(APPLICATIONS / 2);
    expect(chunked.tables.overdue_steps.length).toBeGreaterThan(4);
    expect(chunked.tables.fraud_case_facts).toHaveLength(APPLICATIONS);
    const counted = (chunked.tables.ward_totals as { applications: number }[]).reduce((sum, row) => sum + Number(row.applications), 0);
    expect(counted).toBe(APPLICATIONS);
    for (const table of Object.keys(TABLES)) expect({ table, rows: chunked.tables[table] }).toEqual({ table, rows: whole.tables[table] });
  });
});
