import { EventStore } from '@lib/event-store';
import { importLegacyEvents } from '@lib/seeding';
import { anApplicant, createTestDatabase, createWriteSideApp, paidInFull, settleProjector, shippedCatalog, submitted, type TestDatabase, type WriteSideApp } from '@lib/testing';
import { Projector } from '../projector/projector';
import { registeredProjections } from '../projector/registered-projections';
import { ReadModelComparison } from './read-model-comparison';

const PAID = '9e000000-0000-4000-8000-000000000001';
const LATER = '9e000000-0000-4000-8000-000000000002';

const rename = (id: string, citizenId: string) => (event: { type: string; data: object }) =>
  ({ type: event.type, data: { ...event.data, applicationId: id, ...('applicant' in event.data ? { applicant: anApplicant({ citizenId }) } : {}) } });

/** Every registered read model against a fresh fold of the log, table by table. */
describe('ReadModelComparison (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: WriteSideApp;
  let store: EventStore;
  const projections = registeredProjections(shippedCatalog());
  const compare = () => new ReadModelComparison(store, db.dataSource, projections, { batchSize: 3, rowsNamed: 5 }).compare();
  const settle = () => settleProjector(new Projector(store, db.dataSource, projections, { batchSize: 4, pollIntervalMs: 1000 }), db.pool);

  beforeAll(async () => {
    db = await createTestDatabase('read_model_comparison');
    app = await createWriteSideApp(db);
    store = app.module.get(EventStore);
    await importLegacyEvents(store, [{ streamId: `support-application-${PAID}`, events: paidInFull('4').map(rename(PAID, '020080077701')) }], { recordedAt: '2020-06-01T02:00:00.000Z' });
    await settle();
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('finds every table equal to a fresh fold, and leaves no scratch schema behind', async () => {
    const report = await compare();
    expect(report.mismatches).toEqual([]);
    expect(report.tables).toBe(projections.flatMap((p) => p.tables).length);
    expect(report.rows).toBeGreaterThan(0);
    expect((await db.pool.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'verify\\_%'`)).rows).toEqual([]);
  });

  it('compares up to each projection\'s checkpoint: a projector that is only behind is not a difference', async () => {
    await importLegacyEvents(store, [{ streamId: `support-application-${LATER}`, events: [submitted('4')].map(rename(LATER, '020080077702')) }], { recordedAt: '2020-06-02T02:00:00.000Z' });
    expect((await compare()).mismatches).toEqual([]);
    await settle();
    expect((await compare()).mismatches).toEqual([]);
  });

  it('names a changed row by table and primary key, column by column, in English and Vietnamese', async () => {
    await db.pool.query(`UPDATE beneficiary_index SET paid_amount = paid_amount + 7000000 WHERE citizen_id = '020080077701'`);
    try {
      const { mismatches } = await compare();
      expect(mismatches).toEqual([{
        kind: 'read-model',
        table: 'beneficiary_index',
        detail: 'row (citizen_id=020080077701) differs from a fresh fold: paid_amount: the log says 2000000, the table says 9000000',
        vi: 'dòng (citizen_id=020080077701) khác bản dựng lại: paid_amount: theo sổ sự kiện là 2000000, bảng ghi 9000000',
      }]);
    } finally {
      await db.pool.query(`UPDATE beneficiary_index SET paid_amount = paid_amount - 7000000 WHERE citizen_id = '020080077701'`);
    }
  });

  it('names a row taken away and a row with no events behind it', async () => {
    const { rows: [removed] } = await db.pool.query(`DELETE FROM overdue_steps WHERE application_id = $1 RETURNING *`, [LATER]);
    await db.pool.query(`INSERT INTO officer_activity (officer_id, day, step, action, count, amount) VALUES ('ghost-officer', '2020-06-01', 'payment', 'paid', 3, 6000000)`);
    try {
      const details = (await compare()).mismatches.map((m) => `${m.table}: ${m.detail}`);
      expect(details).toEqual(expect.arrayContaining([
        `overdue_steps: row (application_id=${LATER}) is missing: a fresh fold of the log has it`,
        expect.stringMatching(/^officer_activity: row \(officer_id=ghost-officer, day=2020-06-01, step=payment, action=paid\) has no events behind it/),
      ]));
      expect(details).toHaveLength(2);
    } finally {
      await db.pool.query(`DELETE FROM officer_activity WHERE officer_id = 'ghost-officer'`);
      await db.pool.query(`INSERT INTO overdue_steps SELECT * FROM jsonb_populate_record(NULL::overdue_steps, $1)`, [JSON.stringify(removed)]);
    }
    expect((await compare()).mismatches).toEqual([]);
  });
});
