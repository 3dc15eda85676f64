import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { GetFraudAlertHandler } from '../fraud-alerts/queries/list-fraud-alerts.query-handler';
import { GetFraudAlertQuery } from '../fraud-alerts/queries/list-fraud-alerts.query';
import { GrowingAlertMembers1766000000000 } from './1766000000000-growing-alert-members';

/** A database from before the move: F13 and F20 alerts with their applications and evidence in their rows. */
describe('GrowingAlertMembers1766000000000', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('growing_members_migration');
  });
  afterAll(() => db.drop());

  it('moves the applications of F13 on a phone and of F20 into members at their filing, leaves a payee cluster, and readers see the same lists', async () => {
    const migration = new GrowingAlertMembers1766000000000();
    const runner = db.dataSource.createQueryRunner();
    try {
      const filed = [randomUUID(), randomUUID(), randomUUID()].sort();
      for (const [i, id] of filed.entries()) {
        await runner.query(
          `INSERT INTO fraud_case_facts (application_id, programme_id, citizen_id, ward, payees, over_budget, facts) VALUES ($1, 'nq42-2020', $2, 'W01', '{}', false, $3)`,
          [id, `02019900900${i}`, JSON.stringify({ applicationId: id, submittedPosition: 200 + i })],
        );
      }
      const alert = async (rule: string, subject: string) => {
        const id = randomUUID();
        await runner.query(
          `INSERT INTO fraud_alerts VALUES ($1, $2, $3, 'Cảnh báo', 'QĐ 15', 'high', 'nq42-2020', 'W01', '{W01}', $4, '{200,201,202}', '[]', 'open', 200, now(), 202, now(), NULL)`,
          [id, rule, subject, filed],
        );
        return id;
      };
      const phone = await alert('F13', 'phone:0912345678');
      const identity = await alert('F20', 'identity:nguyenvanan|1980-01-01');
      const payee = await alert('F13', 'payee:Nguyễn Văn Nhận');
      const read = async (id: string) => {
        const { alert: found } = (await new GetFraudAlertHandler(db.dataSource).execute(new GetFraudAlertQuery(id)))!;
        return { ids: found.applicationIds, evidence: found.evidence };
      };
      const lists = { ids: filed, evidence: ['200', '201', '202'] };

      await migration.up(runner);

      for (const id of [phone, identity]) {
        expect(await runner.query(`SELECT application_id, position::int FROM fraud_alert_members WHERE alert_id = $1 ORDER BY position`, [id]))
          .toEqual(filed.map((applicationId, i) => ({ application_id: applicationId, position: 200 + i })));
        expect(await runner.query(`SELECT application_ids, evidence FROM fraud_alerts WHERE id = $1`, [id])).toEqual([{ application_ids: [], evidence: [] }]);
        expect(await read(id)).toEqual(lists);
      }
      expect(await runner.query(`SELECT count(*)::int AS n FROM fraud_alert_members WHERE alert_id = $1`, [payee])).toEqual([{ n: 0 }]);
      expect(await runner.query(`SELECT cardinality(application_ids) AS n FROM fraud_alerts WHERE id = $1`, [payee])).toEqual([{ n: 3 }]);

      await migration.down(runner);
      for (const id of [phone, identity, payee]) {
        expect(await runner.query(`SELECT application_ids, evidence::text[] FROM fraud_alerts WHERE id = $1`, [id])).toEqual([{ application_ids: filed, evidence: lists.evidence }]);
        expect(await read(id)).toEqual(lists);
      }
      expect(await runner.query(`SELECT count(*)::int AS n FROM fraud_alert_members`)).toEqual([{ n: 0 }]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  });
});
