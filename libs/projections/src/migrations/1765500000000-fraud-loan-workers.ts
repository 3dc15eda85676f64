import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * F19: the workers an employer loan (category 8) lists, so that a worker's category 1 support
 * finds the loans naming them. No stored loan existed before category 8, so an empty list is
 * every earlier row's true value and nothing needs rebuilding.
 */
export class FraudLoanWorkers1765500000000 implements MigrationInterface {
  name = 'FraudLoanWorkers1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE fraud_case_facts ADD COLUMN loan_workers text[] NOT NULL DEFAULT '{}'`);
    await db.query(`CREATE INDEX fraud_case_facts_loan_workers ON fraud_case_facts USING gin (loan_workers)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE fraud_case_facts DROP COLUMN loan_workers`);
  }
}
