import { randomUUID } from 'node:crypto';
import type { Applicant, ProgrammeDefinition, SupportApplicationEvent } from '@lib/domain';
import { catalogOf } from '@lib/domain';
import {
  CATEGORIES, anApplicant, approved, awaiting, createTestDatabase, decided, filedClaim, inspector, paid, paidInFull, posted, projectionTestBed, rejected,
  reviewed, shippedProgrammes, submitted, villageReviewer, type CategoryCode, type ProjectionTestBed, type TestDatabase,
} from '@lib/testing';
import { FraudAlertsProjection } from './fraud-alerts.projection';
import { GetFraudAlertHandler, ListFraudAlertsHandler } from './queries/list-fraud-alerts.query-handler';
import { GetFraudAlertQuery, ListFraudAlertsQuery } from './queries/list-fraud-alerts.query';
import { alertIdOf } from './detectors/finding';

let serial = 0;
const person = (overrides: Partial<Applicant> = {}): Applicant => {
  serial += 1;
  const n = String(serial).padStart(6, '0');
  // Each person their own date of birth: one name and birthday under two IDs is F20's business.
  return anApplicant({ citizenId: `020190${n}`, phone: `0981${n}`, address: `Số ${serial} Hùng Vương`, dateOfBirth: `${1940 + serial}-03-14`, ...overrides });
};

/** Category 1's default appraisal and decision days miss its limits; on time here. */
const onTime = (category: CategoryCode, events: SupportApplicationEvent[]) =>
  events.map((event) => {
    if (category !== '1') return event;
    if (event.type === 'SupportApplicationApproved') return approved('district-appraisal', { months: filedClaim('1').months, amount: 5_400_000, at: '2020-05-20T02:00:00.000Z' });
    if (event.type === 'SupportApplicationDecided') return decided('provincial-decision', { at: '2020-05-21T02:00:00.000Z' });
    return event;
  });

/** Category 4 for June only, filed after 15 June: lawful alone, so only the second ward gives it away (F2). */
const juneInAnotherWard = (): SupportApplicationEvent[] => {
  const day = (d: number) => `2020-06-${d}T02:00:00.000Z`;
  return [
    submitted('4', { claim: filedClaim('4', { months: ['2020-06'], jobLostOn: '2020-06-01' }), at: day(16) }),
    reviewed('village-review', { at: day(17) }),
    posted('public-posting', { at: day(19), postedFrom: '2020-06-17', postedUntil: '2020-06-18' }),
    approved('ward-approval', { months: ['2020-06'], amount: 1_000_000, at: day(22) }),
    reviewed('district-appraisal', { at: day(23) }),
    decided('provincial-decision', { at: day(24) }),
    paid(1_000_000, { at: day(26) }),
  ];
};

describe('FraudAlertsProjection on PostgreSQL (patterns imported as legacy data, bypassing decide)', () => {
  let db: TestDatabase;
  let bed: ProjectionTestBed;
  const injected: Record<string, string[]> = {};
  const clean: string[] = [];

  /** Imports one application's history as a legacy system recorded it; returns its id. */
  const importApp = async (events: SupportApplicationEvent[], applicant: Applicant = person()): Promise<string> => {
    const applicationId = randomUUID();
    await bed.append(`support-application-${applicationId}`, events.map((event) => ({ type: event.type, data: { ...event.data, applicationId, ...('applicant' in event.data ? { applicant } : {}) } })));
    return applicationId;
  };
  const inject = async (rule: string, ...ids: Promise<string>[]) => (injected[rule] = [...(injected[rule] ?? []), ...(await Promise.all(ids))]);
  const withClaim = (category: CategoryCode, overrides: Record<string, unknown>) => [submitted(category, { claim: filedClaim(category, overrides) })];

  const alerts = async (filter = {}) => (await new ListFraudAlertsHandler(db.dataSource).execute(new ListFraudAlertsQuery(filter, 200))).items;

  beforeAll(async () => {
    db = await createTestDatabase('fraud_alerts');
    bed = projectionTestBed(db, [new FraudAlertsProjection(catalogOf(shippedProgrammes()))]);
    for (const category of CATEGORIES) clean.push(await importApp(onTime(category, paidInFull(category))));
    const twoCategories = person();
    await inject('F1', importApp(paidInFull('7'), twoCategories), importApp(paidInFull('4'), twoCategories));
    const twoWards = person();
    await inject('F2', importApp(paidInFull('4'), twoWards), importApp(juneInAnotherWard(), { ...twoWards, ward: 'W02' }));
    await inject('F3', importApp([...awaiting('4', 'ward-approval'), approved('ward-approval', { months: ['2020-04', '2020-05'], amount: 3_000_000 })]));
    await inject('F4', importApp([...awaiting('4', 'provincial-decision'), paid(2_000_000)]));
    await inject('F5', importApp([submitted('4'), reviewed('village-review'), approved('ward-approval', { months: ['2020-04', '2020-05'], amount: 2_000_000 })]));
    await inject('F6', importApp([...awaiting('7', 'provincial-decision'), decided('provincial-decision', { by: villageReviewer })]));
    await inject('F7', importApp(withClaim('2', { revenue2020: 150_000_000 })));
    await inject('F8', importApp(withClaim('4', { occupation: 'rice-farmer' })));
    await inject('F9', importApp(withClaim('4', { jobLostOn: '2020-05-02' })));
    await inject('F10', importApp(withClaim('3', { contractSignedOn: '2020-04-15' })));
    await inject('F11', importApp(withClaim('1', { suspensionStart: '2020-03-15' })));
    await inject('F12', importApp(withClaim('7', { povertyListRef: undefined })));
    await inject('F13', ...[1, 2, 3].map(() => importApp([submitted('4')], person({ bankAccount: '0451000123456' }))));
    await inject('F14', importApp([...awaiting('4', 'payment'), paid(1_500_000)]));
    await inject('F15', importApp([...paidInFull('4'), rejected('payment', 'not eligible after re-review', { by: inspector })]));
    await inject('F16', importApp([submitted('4'), reviewed('village-review', { at: '2020-05-27T02:00:00.000Z' })]));
    await bed.project();
  });
  afterAll(() => db.drop());

  it('raises nothing on applications that followed the rules, one of each category', async () => {
    const flagged = (await alerts()).flatMap((alert) => alert.applicationIds);
    expect(clean.filter((id) => flagged.includes(id))).toEqual([]);
  });

  it.each(['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16'])('raises %s naming the injected applications, its legal basis, severity and evidence', async (rule) => {
    const raised = await alerts({ rule });
    expect(raised).toEqual([expect.objectContaining({ rule, status: 'open', applicationIds: [...injected[rule]].sort(), legalBasis: expect.any(String), severity: expect.stringMatching(/^(low|medium|high)$/) })]);
    expect(raised[0].evidence.length).toBeGreaterThan(0);
  });

  it('raises no other rule on the injected applications', async () => {
    for (const alert of await alerts()) expect(injected[alert.rule]).toEqual(expect.arrayContaining(alert.applicationIds));
  });

  describe('when inspectors resolve alerts', () => {
    it('shows a dismissal, then reopens the cluster when a fourth person joins it, still one alert', async () => {
      const [cluster] = await alerts({ rule: 'F13' });
      await bed.append(`fraud-alert-${cluster.id}`, [{ type: 'FraudAlertDismissed', data: { alertId: cluster.id, rule: 'F13', applicationIds: cluster.applicationIds, note: 'one family', dismissedBy: inspector.id, dismissedAt: '2020-08-01T02:00:00.000Z' } }]);
      await bed.project();
      expect((await new GetFraudAlertHandler(db.dataSource).execute(new GetFraudAlertQuery(cluster.id)))).toMatchObject({ alert: { status: 'dismissed' }, resolution: { outcome: 'dismissed', note: 'one family' } });
      const fourth = await importApp([submitted('4')], person({ bankAccount: '0451-000-123456' }));
      await bed.project();
      const grown = await alerts({ rule: 'F13' });
      expect(grown).toEqual([expect.objectContaining({ id: cluster.id, status: 'open', applicationIds: [...cluster.applicationIds, fourth].sort() })]);
      expect(grown[0].id).toBe(alertIdOf('F13', 'bankAccount:0451000123456'));
    });

    it('F15: a confirmation that orders nothing back on a paid application', async () => {
      const [wrongAmount] = await alerts({ rule: 'F14' });
      await bed.append(`fraud-alert-${wrongAmount.id}`, [{ type: 'FraudAlertConfirmed', data: { alertId: wrongAmount.id, rule: 'F14', applicationIds: wrongAmount.applicationIds, note: 'skimmed', recoveryOrdered: [], confirmedBy: inspector.id, confirmedAt: '2020-08-02T02:00:00.000Z' } }]);
      await bed.project();
      expect((await alerts({ rule: 'F14' }))[0].status).toBe('confirmed');
      expect((await alerts({ rule: 'F15' })).flatMap((alert) => alert.applicationIds)).toEqual(expect.arrayContaining(wrongAmount.applicationIds));
    });
  });
});

describe('FraudAlertsProjection: F17 over the reported budget', () => {
  let db: TestDatabase;
  afterAll(() => db.drop());

  it('names the approval that took the total over, and not the one before', async () => {
    db = await createTestDatabase('fraud_budget');
    const small: ProgrammeDefinition[] = shippedProgrammes().map((programme) => ({ ...programme, fraudRules: { ...programme.fraudRules, F17: { ...programme.fraudRules!.F17!, thresholds: { budgetVnd: 10_000_000 } } } }));
    const bed = projectionTestBed(db, [new FraudAlertsProjection(catalogOf(small))]);
    const ids = [randomUUID(), randomUUID()];
    for (const [i, id] of ids.entries()) {
      await bed.append(`support-application-${id}`, paidInFull('7').map((event) => ({ type: event.type, data: { ...event.data, applicationId: id, ...('applicant' in event.data ? { applicant: anApplicant({ citizenId: `02019900000${i}`, phone: `097000000${i}`, address: `Số ${i} Bà Triệu` }) } : {}) } })));
    }
    await bed.project();
    const raised = (await new ListFraudAlertsHandler(db.dataSource).execute(new ListFraudAlertsQuery({ rule: 'F17' }, 10))).items;
    expect(raised).toEqual([expect.objectContaining({ rule: 'F17', applicationIds: [ids[1]], severity: 'high' })]);
  });

  it('keeps its applications in rows of their own, reads them as one list, and reopens a dismissal when another goes over', async () => {
    const small: ProgrammeDefinition[] = shippedProgrammes().map((programme) => ({ ...programme, fraudRules: { ...programme.fraudRules, F17: { ...programme.fraudRules!.F17!, thresholds: { budgetVnd: 10_000_000 } } } }));
    const bed = projectionTestBed(db, [new FraudAlertsProjection(catalogOf(small))]);
    const pay = async (i: number) => {
      const id = randomUUID();
      const applicant = anApplicant({ citizenId: `0201990001${String(i).padStart(2, '0')}`, phone: `09710000${String(i).padStart(2, '0')}`, address: `Số ${i} Trần Phú` });
      const positions = await bed.append(`support-application-${id}`, paidInFull('7').map((event) => ({ type: event.type, data: { ...event.data, applicationId: id, ...('applicant' in event.data ? { applicant } : {}) } })));
      await bed.project();
      return { id, positions };
    };
    const more = [await pay(1), await pay(2)];
    const alertId = alertIdOf('F17', 'budget:nq42-2020');
    const listed = async () => (await new GetFraudAlertHandler(db.dataSource).execute(new GetFraudAlertQuery(alertId)))!;
    const { alert } = await listed();
    // Three over the budget (the first test's second and these two), each with the decision that took it over.
    expect(alert.applicationIds).toHaveLength(3);
    expect(alert.applicationIds).toEqual(expect.arrayContaining(more.map((one) => one.id)));
    expect(alert.applicationIds).toEqual([...alert.applicationIds].sort());
    expect(alert.evidence).toHaveLength(3);
    expect(alert.evidence.map(Number)).toEqual([...alert.evidence.map(Number)].sort((a, b) => a - b));
    // The event that took each over is its decision, the first that holds the money for it.
    const decision = paidInFull('7').findIndex((event) => event.type === 'SupportApplicationDecided');
    expect(alert.evidence).toEqual(expect.arrayContaining(more.map((one) => String(one.positions[decision]))));
    const [stored] = await db.dataSource.query(`SELECT application_ids, evidence FROM fraud_alerts WHERE id = $1`, [alertId]);
    expect(stored).toEqual({ application_ids: [], evidence: [] });
    const members = await db.dataSource.query(`SELECT application_id FROM fraud_alert_members WHERE alert_id = $1 ORDER BY 1`, [alertId]);
    expect(members.map((row: { application_id: string }) => row.application_id)).toEqual(alert.applicationIds);

    await bed.append(`fraud-alert-${alertId}`, [{ type: 'FraudAlertDismissed', data: { alertId, rule: 'F17', applicationIds: alert.applicationIds, note: 'Ngân sách bổ sung', dismissedBy: 'inspector-1', dismissedAt: '2020-07-01T02:00:00.000Z' } }]);
    await bed.project();
    expect((await listed()).alert.status).toBe('dismissed');
    const latecomer = await pay(3);
    const reopened = (await listed()).alert;
    expect(reopened.status).toBe('open');
    expect(reopened.applicationIds).toContain(latecomer.id);
    expect(reopened.applicationIds).toHaveLength(4);
  });
});
