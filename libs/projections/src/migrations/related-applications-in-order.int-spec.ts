import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { RelatedApplicationsInOrder1765800000000 } from './1765800000000-related-applications-in-order';

describe('RelatedApplicationsInOrder1765800000000', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('related_in_order_migration');
  });
  afterAll(() => db.drop());

  const indexes = async () =>
    (await db.pool.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'applicant_index' AND indexname <> 'applicant_index_pkey' ORDER BY 1`)).rows.map((row) => row.indexname);

  it('orders each key by filing, down and up again', async () => {
    expect(await indexes()).toEqual(['applicant_index_citizen_filed', 'applicant_index_identity_filed', 'applicant_index_phone', 'applicant_index_ward_name']);
    const migration = new RelatedApplicationsInOrder1765800000000();
    const runner = db.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      expect(await indexes()).toEqual(['applicant_index_citizen', 'applicant_index_identity', 'applicant_index_phone', 'applicant_index_ward_name']);
      await migration.up(runner);
      expect(await indexes()).toEqual(['applicant_index_citizen_filed', 'applicant_index_identity_filed', 'applicant_index_phone', 'applicant_index_ward_name']);
    } finally {
      await runner.release();
    }
  });
});
