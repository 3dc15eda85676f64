import type { MigrationInterface, QueryRunner } from 'typeorm';

/** NQ 42, one support, the highest: which application superseded which, and the credit the higher one carries. */
export class ApplicationOverviewSupersession1765100000000 implements MigrationInterface {
  name = 'ApplicationOverviewSupersession1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE application_overview
        ADD COLUMN IF NOT EXISTS credited_amount bigint NOT NULL DEFAULT 0,
        ADD COLUMN IF NOT EXISTS superseded_by uuid NULL,
        ADD COLUMN IF NOT EXISTS supersedes jsonb NOT NULL DEFAULT '[]'::jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE application_overview DROP COLUMN IF EXISTS credited_amount, DROP COLUMN IF EXISTS superseded_by, DROP COLUMN IF EXISTS supersedes`);
  }
}
