import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Returned payment rows whose amount differed: reconciliation reads them by ward. */
export class CreatePaymentMismatches1765612000000 implements MigrationInterface {
  name = 'CreatePaymentMismatches1765612000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE payment_mismatches (
        application_id uuid NOT NULL,
        return_id uuid NOT NULL,
        ward text NOT NULL,
        row int NOT NULL,
        expected bigint NOT NULL,
        given bigint NOT NULL,
        PRIMARY KEY (application_id, return_id)
      )`);
    await db.query(`CREATE INDEX payment_mismatches_ward ON payment_mismatches (ward)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE payment_mismatches`);
  }
}
