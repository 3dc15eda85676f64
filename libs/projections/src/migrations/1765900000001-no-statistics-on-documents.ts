import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read models' documents (jsonb) and the alerts' member and evidence arrays are written and
 * returned whole, never filtered, joined or sorted on, so no plan uses statistics of them; yet
 * ANALYZE decompressed and compared every sampled value to compute them. Over a province's read
 * models that was 40% of an ANALYZE (4.3 s of the server's time to 2.6 s), taken by the projector
 * as a catch-up fills its tables and by autovacuum as they change.
 */
const DOCUMENTS: Record<string, string[]> = {
  fraud_case_facts: ['facts', 'identity'],
  fraud_alerts: ['details', 'reasons', 'application_ids', 'evidence'],
  application_overview: ['applicant', 'claim', 'steps', 'performed_by', 'approved_months', 'supersedes'],
  beneficiary_applications: ['steps', 'claimed_months', 'approved_months', 'payments'],
  overdue_steps: ['steps', 'completed_on'],
};

const setStatistics = async (db: QueryRunner, target: number) => {
  for (const [table, columns] of Object.entries(DOCUMENTS)) {
    await db.query(`ALTER TABLE ${table} ${columns.map((column) => `ALTER COLUMN ${column} SET STATISTICS ${target}`).join(', ')}`);
  }
};

export class NoStatisticsOnDocuments1765900000001 implements MigrationInterface {
  name = 'NoStatisticsOnDocuments1765900000001';

  async up(db: QueryRunner): Promise<void> {
    await setStatistics(db, 0);
  }

  async down(db: QueryRunner): Promise<void> {
    // -1: back to the server's default_statistics_target.
    await setStatistics(db, -1);
  }
}
