import type { MigrationInterface, QueryRunner } from 'typeorm';

/** F13 on an account, phone or address, and F20: the alerts that, like F17, only ever grow. */
const growing = (alert: string) => `(${alert}.rule = 'F20' OR (${alert}.rule = 'F13' AND split_part(${alert}.subject, ':', 1) IN ('bankAccount', 'phone', 'address')))`;

/**
 * The growing F13 and F20 alerts keep their applications as members (alert-members.ts), as F17
 * does, and existing ones are moved: each application with the position of its filing (every
 * piece of their evidence is a filing), from its facts. Afterwards their rows hold no list, as
 * alerts raised from now on do, so a database upgraded and one rebuilt from the log agree.
 */
export class GrowingAlertMembers1766000000000 implements MigrationInterface {
  name = 'GrowingAlertMembers1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      INSERT INTO fraud_alert_members (alert_id, application_id, position)
      SELECT a.id, x, COALESCE((f.facts->>'submittedPosition')::bigint, a.raised_position)
        FROM fraud_alerts a CROSS JOIN LATERAL unnest(a.application_ids) AS x
        LEFT JOIN fraud_case_facts f ON f.application_id = x::uuid
       WHERE ${growing('a')}
      ON CONFLICT (alert_id, application_id) DO NOTHING`);
    await db.query(`UPDATE fraud_alerts SET application_ids = '{}', evidence = '{}' WHERE ${growing('fraud_alerts')} AND cardinality(application_ids) > 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE fraud_alerts a SET
        application_ids = ARRAY(SELECT m.application_id FROM fraud_alert_members m WHERE m.alert_id = a.id ORDER BY m.application_id COLLATE "C"),
        evidence = ARRAY(SELECT DISTINCT m.position FROM fraud_alert_members m WHERE m.alert_id = a.id ORDER BY 1)
       WHERE ${growing('a')}`);
    await db.query(`DELETE FROM fraud_alert_members m USING fraud_alerts a WHERE a.id = m.alert_id AND ${growing('a')}`);
  }
}
