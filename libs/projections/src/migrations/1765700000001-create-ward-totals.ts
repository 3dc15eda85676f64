import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ward dashboard's counts and amounts per category and status, kept in step with
 * application_overview by its projection (ward-totals.ts). Summed when asked, a ward of a
 * province (2,000 applications, each row on a page of its own) took 11 ms of the server's CPU
 * per dashboard. Filled from the overview as it stands.
 */
export class CreateWardTotals1765700000001 implements MigrationInterface {
  name = 'CreateWardTotals1765700000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE ward_totals (
        ward text NOT NULL,
        category text NOT NULL,
        status text NOT NULL,
        applications integer NOT NULL,
        claimed_amount bigint NOT NULL,
        approved_amount bigint NOT NULL,
        paid_amount bigint NOT NULL,
        recovery_ordered_amount bigint NOT NULL,
        recovered_amount bigint NOT NULL,
        PRIMARY KEY (ward, category, status)
      )`);
    await db.query(`
      INSERT INTO ward_totals
      SELECT ward, category, status, count(*), sum(claimed_amount), sum(approved_amount), sum(paid_amount), sum(recovery_ordered_amount), sum(recovered_amount)
        FROM application_overview GROUP BY ward, category, status`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE ward_totals`);
  }
}
