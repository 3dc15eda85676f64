import { randomUUID } from 'node:crypto';
import type { ProgrammeCatalog } from '@lib/domain';
import { EventStore } from '@lib/event-store';
import { SupportApplicationWriter, type CommandContext } from '@lib/application';
import { anApplicant, claimFor, createTestDatabase, createWriteSideApp, type TestDatabase, type WriteSideApp, shippedCatalog } from '@lib/testing';
import { Projector } from '../projector/projector';
import { alertApplicationIdsSql, alertEvidenceSql } from './alert-members';
import { FraudAlertsProjection } from './fraud-alerts.projection';

/** The shipped programme with a budget that three approvals exceed. */
const smallBudget = (): ProgrammeCatalog => {
  const base = shippedCatalog();
  return (id, version) => {
    const programme = base(id, version);
    if (!programme?.fraudRules?.F17) return programme;
    return { ...programme, fraudRules: { ...programme.fraudRules, F17: { ...programme.fraudRules.F17, thresholds: { ...programme.fraudRules.F17.thresholds, budgetVnd: 2_500_000 } } } };
  };
};

/**
 * F17 is one alert per programme that grows with every application approved over the budget,
 * F13 one per shared account, phone or address that grows with every applicant who gives it
 * (here all eight give one phone), and F20 one per name and birthday under several IDs (all
 * eight again); a batch adds only its own applications to them, as members. Built one
 * event per batch, a few at a time or all at once, the alerts must be the same.
 */
describe('F17 over budget and F13 on a shared phone, grown batch by batch', () => {
  let db: TestDatabase;
  let app: WriteSideApp;

  beforeAll(async () => {
    db = await createTestDatabase('f17_budget');
    app = await createWriteSideApp(db);
    const writer = app.module.get(SupportApplicationWriter);
    const ctx = (id: string, role: 'intake-officer' | 'village-reviewer' | 'ward-approver' | 'province-approver', ward: string): CommandContext => ({
      actor: { id: `${role}-${ward}`, roles: [role], ward: role === 'province-approver' ? null : ward },
      commandId: randomUUID(),
      correlationId: id,
    });
    for (let n = 0; n < 8; n += 1) {
      const id = randomUUID();
      const ward = `W0${1 + (n % 3)}`;
      const submit = ctx(id, 'intake-officer', ward);
      await writer.execute(id, submit, (now) => ({
        type: 'SubmitSupportApplication',
        data: { applicationId: id, programmeId: 'nq42-2020', category: '7', applicant: anApplicant({ citizenId: `02008177${String(n).padStart(4, '0')}`, ward }), claim: claimFor('7') },
        metadata: { actor: submit.actor, now },
      }));
      // F17 counts the provincial decisions (the Chairman approves the list and the funds).
      for (const [step, role] of [['village-review', 'village-reviewer'], ['ward-approval', 'ward-approver'], ['provincial-decision', 'province-approver']] as const) {
        const context = ctx(id, role, ward);
        await writer.execute(id, context, (now) => ({ type: 'PerformSupportStep', data: { applicationId: id, step, outcome: 'completed', decisionNo: '1520/QĐ-UBND' }, metadata: { actor: context.actor, now } }));
      }
    }
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const build = async (schema: string, batchSize: number) => {
    await db.dataSource.query(`CREATE SCHEMA ${schema}`);
    for (const table of ['projection_checkpoints', 'fraud_case_facts', 'fraud_budget_totals', 'fraud_alerts', 'fraud_alert_members', 'fraud_alert_resolutions']) {
      await db.dataSource.query(`CREATE TABLE ${schema}.${table} (LIKE public.${table} INCLUDING ALL)`);
    }
    const projector = new Projector(app.module.get(EventStore), db.dataSource, [new FraudAlertsProjection(smallBudget())], { batchSize, pollIntervalMs: 1000, schema });
    // One catch-up is not enough: the gap-safe reader stops below the oldest transaction open
    // anywhere on the server, and suites in other databases keep some open.
    const [{ total }] = await db.dataSource.query('SELECT count(*)::int AS total FROM events');
    for (let applied = 0; applied < total; ) {
      await projector.catchUp();
      [{ applied }] = await db.dataSource.query(`SELECT coalesce(sum(events_applied), 0)::int AS applied FROM ${schema}.projection_checkpoints`);
      if (applied < total) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // The lists as readers see them: F17's applications are kept in fraud_alert_members.
    return db.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL search_path TO ${schema}`);
      return manager.query(
        `SELECT rule, subject, ward, wards, ${alertApplicationIdsSql('a')} AS application_ids, ${alertEvidenceSql('a')}::text[] AS evidence, reasons, details,
                raised_position::text AS raised, raised_at, updated_position::text AS updated, updated_at
           FROM fraud_alerts a WHERE rule IN ('F17', 'F13', 'F20') ORDER BY rule = 'F20', rule DESC, subject`,
      );
    });
  };

  it('are the same alerts whether built one event per batch, five or all at once, naming every application over the budget and on the phone', async () => {
    const oneByOne = await build('f17_small_batches', 1);
    const fewAtATime = await build('f17_batches_of_five', 5);
    const whole = await build('f17_one_batch', 10_000);
    expect(whole.map((alert: { rule: string; subject: string }) => `${alert.rule} ${alert.subject}`)).toEqual(['F17 budget:nq42-2020', 'F13 phone:0912345678', 'F20 identity:nguyenthihanh|1980-03-14']);
    expect(oneByOne).toEqual(whole);
    expect(fewAtATime).toEqual(whole);
    // Raised or grown, their applications are members and the row holds no list: the same however the log was batched.
    const ownLists = await db.dataSource.query(
      `SELECT rule, cardinality(application_ids) AS own, cardinality(evidence) AS evidence, (SELECT count(*)::int FROM f17_small_batches.fraud_alert_members m WHERE m.alert_id = a.id) AS members
         FROM f17_small_batches.fraud_alerts a WHERE rule IN ('F13', 'F20') ORDER BY rule`,
    );
    expect(ownLists).toEqual([{ rule: 'F13', own: 0, evidence: 0, members: 8 }, { rule: 'F20', own: 0, evidence: 0, members: 8 }]);
    // Each approval holds 1,000,000 VND or more (category 7): from the third on, all are over 2,500,000.
    expect(whole[0].application_ids.length).toBeGreaterThanOrEqual(5);
    expect(whole[0].wards).toEqual(['W01', 'W02', 'W03']);
    // Eight people on one phone: raised when the fourth gave it, and naming all eight.
    const [submissions] = [await db.dataSource.query(`SELECT global_position::text AS position FROM events WHERE type = 'SupportApplicationSubmitted' ORDER BY global_position`)];
    expect(whole[1]).toMatchObject({ ward: 'W01', wards: ['W01', 'W02', 'W03'], raised: submissions[3].position, updated: submissions[7].position, reasons: [{ key: 'alert.shared-phone', params: { people: 8 } }] });
    expect(whole[1].application_ids).toHaveLength(8);
    expect(whole[1].evidence).toEqual(submissions.map((row: { position: string }) => row.position));
    // One name and birthday under eight IDs, one phone: every pair, raised at the second filing.
    expect(whole[2]).toMatchObject({ raised: submissions[1].position, details: { kind: 'probable-same-person', pairsTotal: 28 }, reasons: [{ key: 'alert.probable-same-person', params: { count: 8 } }] });
    expect(whole[2].details.pairs).toHaveLength(28);
    expect(whole[2].application_ids).toHaveLength(8);
  });
});
