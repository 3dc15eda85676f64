import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity resolution: the applicant index (find a person by ID, phone or name without
 * diacritics; the same name and date of birth under another ID), the detectors' identity key
 * (F20) and structured alert details.
 */
export class IdentityResolution1765200000000 implements MigrationInterface {
  name = 'IdentityResolution1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE applicant_index (
        application_id uuid PRIMARY KEY,
        programme_id text NOT NULL,
        ward text NOT NULL,
        citizen_id text NOT NULL,
        name_key text NOT NULL,
        identity_key text,
        phone text,
        bank_account text,
        submitted_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX applicant_index_citizen ON applicant_index (citizen_id)`);
    await db.query(`CREATE INDEX applicant_index_identity ON applicant_index (identity_key) WHERE identity_key IS NOT NULL`);
    await db.query(`CREATE INDEX applicant_index_phone ON applicant_index (phone) WHERE phone IS NOT NULL`);
    await db.query(`CREATE INDEX applicant_index_ward_name ON applicant_index (ward, name_key text_pattern_ops)`);
    await db.query(`ALTER TABLE fraud_case_facts ADD COLUMN identity_key text`);
    await db.query(`CREATE INDEX fraud_case_facts_identity ON fraud_case_facts (identity_key) WHERE identity_key IS NOT NULL`);
    await db.query(`ALTER TABLE fraud_alerts ADD COLUMN details jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE fraud_alerts DROP COLUMN details`);
    await db.query(`ALTER TABLE fraud_case_facts DROP COLUMN identity_key`);
    await db.query(`DROP TABLE applicant_index`);
  }
}
