import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOverdueSteps1764200000003 implements MigrationInterface {
  name = 'CreateOverdueSteps1764200000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE overdue_steps (
        application_id uuid PRIMARY KEY,
        programme_id text NOT NULL,
        programme_version integer NOT NULL,
        category text NOT NULL,
        ward text NOT NULL,
        version integer NOT NULL,
        steps jsonb NOT NULL,
        step_index integer NOT NULL,
        current_step text NOT NULL,
        completed_on jsonb NOT NULL,
        counted_from date NOT NULL,
        time_limit_working_days integer,
        due_on date,
        legal_basis text
      )`);
    await db.query(`CREATE INDEX overdue_steps_due ON overdue_steps (due_on, application_id) WHERE due_on IS NOT NULL`);
    await db.query(`CREATE INDEX overdue_steps_ward_due ON overdue_steps (ward, due_on) WHERE due_on IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE overdue_steps`);
  }
}
