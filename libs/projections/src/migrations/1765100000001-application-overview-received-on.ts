import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The day the ward received the dossier (older applications: unknown, null). */
export class ApplicationOverviewReceivedOn1765100000001 implements MigrationInterface {
  name = 'ApplicationOverviewReceivedOn1765100000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE application_overview ADD COLUMN IF NOT EXISTS received_on text NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE application_overview DROP COLUMN IF EXISTS received_on`);
  }
}
