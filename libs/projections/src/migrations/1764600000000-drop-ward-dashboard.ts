import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The ward dashboard is now summed from application_overview when asked; its counters table goes. */
export class DropWardDashboard1764600000000 implements MigrationInterface {
  name = 'DropWardDashboard1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS ward_dashboard`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE ward_dashboard (
        ward text NOT NULL, category text NOT NULL, status text NOT NULL, applications integer NOT NULL,
        claimed_amount bigint NOT NULL, approved_amount bigint NOT NULL, paid_amount bigint NOT NULL, recovered_amount bigint NOT NULL,
        PRIMARY KEY (ward, category, status))`);
  }
}
