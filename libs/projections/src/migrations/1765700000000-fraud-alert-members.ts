import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * F17's applications move out of its alert row into rows of their own (alert-members.ts), so a
 * batch adding some inserts them instead of rewriting the whole list. Existing F17 alerts are
 * moved: each application with the position at which it went over the budget, from its facts.
 */
export class FraudAlertMembers1765700000000 implements MigrationInterface {
  name = 'FraudAlertMembers1765700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE fraud_alert_members (
        alert_id uuid NOT NULL,
        application_id text NOT NULL,
        position bigint NOT NULL,
        PRIMARY KEY (alert_id, application_id)
      )`);
    await db.query(`
      INSERT INTO fraud_alert_members (alert_id, application_id, position)
      SELECT a.id, x, COALESCE((f.facts->'overBudget'->>'position')::bigint, a.raised_position)
        FROM fraud_alerts a CROSS JOIN LATERAL unnest(a.application_ids) AS x
        LEFT JOIN fraud_case_facts f ON f.application_id = x::uuid
       WHERE a.rule = 'F17'`);
    await db.query(`UPDATE fraud_alerts SET application_ids = '{}', evidence = '{}' WHERE rule = 'F17'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE fraud_alerts a SET
        application_ids = ARRAY(SELECT m.application_id FROM fraud_alert_members m WHERE m.alert_id = a.id ORDER BY m.application_id COLLATE "C"),
        evidence = ARRAY(SELECT DISTINCT m.position FROM fraud_alert_members m WHERE m.alert_id = a.id ORDER BY 1)
       WHERE a.rule = 'F17'`);
    await db.query(`DROP TABLE fraud_alert_members`);
  }
}
