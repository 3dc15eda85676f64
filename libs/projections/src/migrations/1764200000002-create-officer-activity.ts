import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOfficerActivity1764200000002 implements MigrationInterface {
  name = 'CreateOfficerActivity1764200000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE officer_activity (
        officer_id text NOT NULL,
        day date NOT NULL,
        step text NOT NULL,
        action text NOT NULL,
        count integer NOT NULL,
        amount bigint NOT NULL,
        PRIMARY KEY (officer_id, day, step, action)
      )`);
    await db.query(`CREATE INDEX officer_activity_day ON officer_activity (day)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE officer_activity`);
  }
}
