import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { GetFraudAlertHandler } from '../fraud-alerts/queries/list-fraud-alerts.query-handler';
import { GetFraudAlertQuery } from '../fraud-alerts/queries/list-fraud-alerts.query';
import { FraudAlertMembers1765700000000 } from './1765700000000-fraud-alert-members';

/** A database from before the move: F17's applications and evidence in its row, each application's facts saying where it went over. */
describe('FraudAlertMembers1765700000000', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('f17_members_migration');
  });
  afterAll(() => db.drop());

  it("moves an F17 alert's applications into rows of their own, each with its position, and readers see the same lists", async () => {
    const migration = new FraudAlertMembers1765700000000();
    const runner = db.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const alertId = randomUUID();
      const over = [randomUUID(), randomUUID(), randomUUID()].sort();
      for (const [i, id] of over.entries()) {
        await runner.query(
          `INSERT INTO fraud_case_facts (application_id, programme_id, citizen_id, ward, payees, over_budget, facts) VALUES ($1, 'nq42-2020', $2, 'W01', '{}', true, $3)`,
          [id, `02019900900${i}`, JSON.stringify({ applicationId: id, overBudget: { position: 100 + i, at: '2020-06-01T02:00:00.000Z', total: 1 } })],
        );
      }
      await runner.query(
        `INSERT INTO fraud_alerts VALUES ($1, 'F17', 'budget:nq42-2020', 'Vượt ngân sách', 'QĐ 15', 'high', 'nq42-2020', 'W01', '{W01}', $2, '{100,101,102}', '[]', 'open', 100, now(), 102, now(), NULL)`,
        [alertId, over],
      );

      await migration.up(runner);

      expect(await runner.query(`SELECT application_id, position::int FROM fraud_alert_members WHERE alert_id = $1 ORDER BY position`, [alertId]))
        .toEqual(over.map((id, i) => ({ application_id: id, position: 100 + i })));
      expect(await runner.query(`SELECT application_ids, evidence FROM fraud_alerts WHERE id = $1`, [alertId])).toEqual([{ application_ids: [], evidence: [] }]);
      const after = (await new GetFraudAlertHandler(db.dataSource).execute(new GetFraudAlertQuery(alertId)))!.alert;
      expect({ ids: after.applicationIds, evidence: after.evidence }).toEqual({ ids: over, evidence: ['100', '101', '102'] });

      await migration.down(runner);
      expect(await runner.query(`SELECT application_ids, evidence::text[] FROM fraud_alerts WHERE id = $1`, [alertId])).toEqual([{ application_ids: over, evidence: ['100', '101', '102'] }]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  });
});
