import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The related applications of an application (its identity warnings) are the first twenty by
 * filing under its citizen ID, or under its name and date of birth. With an index on the key
 * alone, PostgreSQL read every application under the key and sorted them to keep twenty: a name
 * and birthday shared by thousands (a common name, or a padded list under one name) cost 3 ms
 * of the server's CPU and 1,400 pages on every read of the application. Ordered by filing
 * within the key, the read stops after twenty. The key-only indexes are dropped: these serve
 * every lookup they served.
 */
export class RelatedApplicationsInOrder1765800000000 implements MigrationInterface {
  name = 'RelatedApplicationsInOrder1765800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX applicant_index_citizen_filed ON applicant_index (citizen_id, programme_id, submitted_at, application_id)`);
    await db.query(
      `CREATE INDEX applicant_index_identity_filed ON applicant_index (identity_key, programme_id, submitted_at, application_id) WHERE identity_key IS NOT NULL`,
    );
    await db.query(`DROP INDEX applicant_index_citizen`);
    await db.query(`DROP INDEX applicant_index_identity`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX applicant_index_citizen ON applicant_index (citizen_id)`);
    await db.query(`CREATE INDEX applicant_index_identity ON applicant_index (identity_key) WHERE identity_key IS NOT NULL`);
    await db.query(`DROP INDEX applicant_index_citizen_filed`);
    await db.query(`DROP INDEX applicant_index_identity_filed`);
  }
}
