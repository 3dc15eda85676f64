import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReadModels1732600000001 implements MigrationInterface {
  name = 'CreateReadModels1732600000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE projection_checkpoints (
        name text PRIMARY KEY,
        version integer NOT NULL,
        transaction_id xid8 NOT NULL DEFAULT '0',
        position bigint NOT NULL DEFAULT 0,
        events_applied bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE application_overview (
        application_id uuid PRIMARY KEY,
        programme_id text NOT NULL,
        programme_version integer NOT NULL,
        category text NOT NULL,
        ward text NOT NULL,
        status text NOT NULL,
        current_step text,
        version integer NOT NULL,
        applicant jsonb NOT NULL,
        claim jsonb NOT NULL,
        steps jsonb NOT NULL,
        next_step integer NOT NULL,
        performed_by jsonb NOT NULL,
        approved_months jsonb,
        claimed_amount bigint NOT NULL,
        approved_amount bigint NOT NULL,
        paid_amount bigint NOT NULL,
        recovery_ordered_amount bigint NOT NULL,
        recovered_amount bigint NOT NULL,
        posted_until text,
        last_step_at timestamptz NOT NULL,
        submitted_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        last_position bigint NOT NULL
      )`);
    await db.query(`CREATE INDEX application_overview_ward_page ON application_overview (ward, submitted_at, application_id)`);
    await db.query(`CREATE INDEX application_overview_ward_status ON application_overview (ward, status)`);
    await db.query(`CREATE INDEX application_overview_page ON application_overview (submitted_at, application_id)`);
    await db.query(`
      CREATE TABLE ward_dashboard (
        ward text NOT NULL,
        category text NOT NULL,
        status text NOT NULL,
        applications integer NOT NULL,
        claimed_amount bigint NOT NULL,
        approved_amount bigint NOT NULL,
        paid_amount bigint NOT NULL,
        recovered_amount bigint NOT NULL,
        PRIMARY KEY (ward, category, status)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE ward_dashboard`);
    await db.query(`DROP TABLE application_overview`);
    await db.query(`DROP TABLE projection_checkpoints`);
  }
}
