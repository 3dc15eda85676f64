import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBeneficiaryIndex1764200000001 implements MigrationInterface {
  name = 'CreateBeneficiaryIndex1764200000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE beneficiary_applications (
        application_id uuid PRIMARY KEY,
        citizen_id text NOT NULL,
        full_name text NOT NULL,
        date_of_birth text,
        programme_id text NOT NULL,
        programme_version integer NOT NULL,
        category text NOT NULL,
        ward text NOT NULL,
        status text NOT NULL,
        version integer NOT NULL,
        steps jsonb NOT NULL,
        next_step integer NOT NULL,
        claimed_months jsonb NOT NULL,
        approved_months jsonb,
        approved_amount bigint NOT NULL,
        paid_amount bigint NOT NULL,
        recovery_ordered_amount bigint NOT NULL,
        recovered_amount bigint NOT NULL,
        payments jsonb NOT NULL,
        submitted_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX beneficiary_applications_citizen ON beneficiary_applications (citizen_id, submitted_at)`);
    await db.query(`
      CREATE TABLE beneficiary_index (
        citizen_id text PRIMARY KEY,
        full_name text NOT NULL,
        date_of_birth text,
        wards text[] NOT NULL,
        categories text[] NOT NULL,
        programmes text[] NOT NULL,
        applications integer NOT NULL,
        approved_amount bigint NOT NULL,
        paid_amount bigint NOT NULL,
        recovery_ordered_amount bigint NOT NULL,
        recovered_amount bigint NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE beneficiary_index`);
    await db.query(`DROP TABLE beneficiary_applications`);
  }
}
