import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { NoStatisticsOnDocuments1765900000001 } from './1765900000001-no-statistics-on-documents';

describe('NoStatisticsOnDocuments1765900000001', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('no_statistics_migration');
  });
  afterAll(() => db.drop());

  const analysed = async (table: string): Promise<string[]> => {
    await db.pool.query(`ANALYZE ${table}`);
    return (await db.pool.query(`SELECT attname FROM pg_stats WHERE tablename = $1 ORDER BY 1`, [table])).rows.map((row) => row.attname);
  };
  const insertFacts = (id: string) =>
    db.pool.query(
      `INSERT INTO fraud_case_facts (application_id, programme_id, citizen_id, ward, identity_key, payees, over_budget, facts, identity)
       VALUES ($1::uuid, 'nq42-2020', $1::text, 'W01', 'an|1990-01-01', '{}', false, '{"notes": "x"}', '{"ward": "W01"}')`,
      [id],
    );

  it('leaves the documents out of ANALYZE and keeps the columns plans filter on; down puts them back', async () => {
    for (let n = 0; n < 20; n++) await insertFacts(`00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
    const statistics = await analysed('fraud_case_facts');
    expect(statistics).toEqual(expect.arrayContaining(['citizen_id', 'identity_key', 'payees', 'ward']));
    expect(statistics).not.toContain('facts');
    expect(statistics).not.toContain('identity');
    const migration = new NoStatisticsOnDocuments1765900000001();
    const runner = db.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      expect(await analysed('fraud_case_facts')).toEqual(expect.arrayContaining(['facts', 'identity']));
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    // What ANALYZE gathered before is kept (PostgreSQL leaves it), but not gathered again.
    const { rows } = await db.pool.query(`SELECT attname, attstattarget FROM pg_attribute WHERE attrelid = 'fraud_case_facts'::regclass AND attname IN ('facts', 'identity', 'citizen_id') ORDER BY 1`);
    expect(rows.map((row) => [row.attname, Number(row.attstattarget ?? -1)])).toEqual([['citizen_id', -1], ['facts', 0], ['identity', 0]]);
  });
});
