import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alert reasons become message keys and params (jsonb) instead of English sentences. Old rows are
 * emptied here; the fraud-alerts projection's version 3 rebuilds them from the log.
 */
export class FraudAlertReasonKeys1765400000000 implements MigrationInterface {
  name = 'FraudAlertReasonKeys1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE fraud_alerts ALTER COLUMN reasons DROP NOT NULL`);
    await db.query(`ALTER TABLE fraud_alerts ALTER COLUMN reasons TYPE jsonb USING '[]'::jsonb`);
    await db.query(`ALTER TABLE fraud_alerts ALTER COLUMN reasons SET NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE fraud_alerts ALTER COLUMN reasons TYPE text[] USING '{}'::text[]`);
  }
}
