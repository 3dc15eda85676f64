import { EventStore } from '@lib/event-store';
import { importLegacyEvents } from '@lib/seeding';
import { anApplicant, createTestDatabase, paidInFull, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

const CITIZEN = '020080055501';
const LEGACY_ID = '9e000000-0000-4000-8000-000000000001';

describe('Fraud alerts over HTTP', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  let paidId: string;
  let alertId: string;

  const as = (role: Parameters<ApiTestApp['token']>[0], ward: string | null = 'W01', sub?: string) => ({ Authorization: `Bearer ${api.token(role, ward, sub)}` });

  beforeAll(async () => {
    db = await createTestDatabase('e2e_fraud_alerts');
    api = await createApiTestApp(db);
    // A category 4 application paid by the rules, through the API…
    const submitted = await api.http.post('/applications').set(as('intake-officer')).send({
      programme: 'nq42-2020', category: '4',
      applicant: { citizenId: CITIZEN, fullName: 'Lương Văn Tâm', dateOfBirth: '1979-02-01', ward: 'W01', address: 'Số 3 Phai Vệ, W01', phone: '0915550001' },
      claim: { months: ['2020-04', '2020-05', '2020-06'], occupation: 'porter', jobLostOn: '2020-04-01', monthlyIncome: 0 },
    });
    paidId = submitted.body.id;
    const steps = [
      api.http.post(`/applications/${paidId}/village-review`).set(as('village-reviewer')).send({ outcome: 'confirmed', minutesRef: 'BB-9' }),
      api.http.post(`/applications/${paidId}/steps/public-posting`).set(as('intake-officer')).send({ outcome: 'completed', reference: 'Bảng tin', postedFrom: '2020-05-18', postedUntil: '2020-05-19' }),
      api.http.post(`/applications/${paidId}/ward-approval`).set(as('ward-approver')).send({ decision: 'approved' }),
      api.http.post(`/applications/${paidId}/steps/district-appraisal`).set(as('district-appraiser', null)).send({ outcome: 'completed', reference: 'TĐ-1' }),
      api.http.post(`/applications/${paidId}/steps/provincial-decision`).set(as('province-approver', null)).send({ outcome: 'completed', decisionNo: '77/QĐ-UBND' }),
      api.http.post(`/applications/${paidId}/payment`).set(as('treasurer')).send({ amount: 3_000_000, method: 'cash', reference: 'PC-9' }),
    ];
    for (const step of steps) expect((await step).status).toBe(200);
    // …and the same person paid as a poor household in another ward, imported from a legacy list (F1).
    const applicant = anApplicant({ citizenId: CITIZEN, ward: 'W02', address: 'Số 8 Tam Thanh, W02', phone: '0915550002' });
    await importLegacyEvents(api.app.get(EventStore), [{
      streamId: `support-application-${LEGACY_ID}`,
      events: paidInFull('7').map((event) => ({ type: event.type, data: { ...event.data, applicationId: LEGACY_ID, ...('applicant' in event.data ? { applicant } : {}) } })),
    }], { recordedAt: '2020-06-01T02:00:00.000Z' });
    await api.settle();
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  describe('GET /alerts', () => {
    it('lists the F1 alert naming both applications, its legal basis, severity and evidence', async () => {
      const response = await api.http.get('/alerts?rule=F1').set(as('inspector', null));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        items: [expect.objectContaining({ rule: 'F1', severity: 'high', status: 'open', legalBasis: expect.stringContaining('NQ 42'), wards: ['W01', 'W02'], applicationIds: [paidId, LEGACY_ID].sort(), evidence: expect.arrayContaining([expect.any(Number)]), raisedAt: expect.any(String) })],
        nextCursor: null,
      });
      alertId = response.body.items[0].id;
    });

    it('words the rule’s title, legal basis and reasons in the request’s language (Vietnamese by default), with the reasons’ keys alongside', async () => {
      const [vi, byDefault, en] = await Promise.all([
        api.http.get('/alerts?rule=F1').set({ ...as('inspector', null), 'Accept-Language': 'vi-VN,vi;q=0.9,en;q=0.8' }),
        api.http.get('/alerts?rule=F1').set(as('inspector', null)),
        api.http.get('/alerts?rule=F1').set({ ...as('inspector', null), 'Accept-Language': 'en-GB,en;q=0.9' }),
      ]);
      expect(vi.headers['content-language']).toBe('vi');
      expect(en.headers['content-language']).toBe('en');
      expect(vi.headers.vary).toMatch(/Accept-Language/);
      expect(vi.body.items[0]).toMatchObject({
        title: 'Một người được duyệt hoặc chi trả ở hai nhóm đối tượng',
        legalBasis: expect.stringMatching(/^NQ 42\/NQ-CP: mỗi người chỉ hưởng một mức hỗ trợ cao nhất/),
        reasons: ['cùng lúc hưởng hỗ trợ ở các nhóm 4, 7'],
        reasonKeys: [{ key: 'alert.categories-at-once', params: { categories: ['4', '7'] } }],
      });
      expect(byDefault.body.items[0]).toEqual(vi.body.items[0]);
      expect(en.body.items[0]).toMatchObject({
        title: 'One person approved or paid in two categories',
        legalBasis: expect.stringMatching(/^NQ 42\/NQ-CP: one support only, the highest/),
        reasons: ['held support in categories 4, 7 at the same time'],
        reasonKeys: vi.body.items[0].reasonKeys,
      });
      expect((await api.http.get(`/alerts/${vi.body.items[0].id}`).set({ ...as('auditor', null), 'Accept-Language': 'en' })).body).toMatchObject({ reasons: en.body.items[0].reasons });
    });

    it('words every alert’s reasons from the catalogue: no key left unworded, no English in the Vietnamese', async () => {
      const [vi, en] = await Promise.all(['vi', 'en'].map((lang) => api.http.get('/alerts?limit=200').set({ ...as('inspector', null), 'Accept-Language': lang })));
      expect(vi.body.items.length).toBeGreaterThan(0);
      vi.body.items.forEach((alert: { reasons: string[]; reasonKeys: { key: string }[] }, index: number) => {
        expect(alert.reasons).toHaveLength(alert.reasonKeys.length);
        for (const reason of [...alert.reasons, ...en.body.items[index].reasons]) expect(reason).not.toMatch(/^alert\./);
        expect(alert.reasons).not.toEqual(en.body.items[index].reasons);
      });
    });

    it('filters by ward, status and severity, and pages with a cursor', async () => {
      expect((await api.http.get('/alerts?ward=W02&status=open&severity=high').set(as('auditor', null))).body.items.map((a: { id: string }) => a.id)).toContain(alertId);
      expect((await api.http.get('/alerts?ward=W09').set(as('auditor', null))).body.items).toEqual([]);
      const all = (await api.http.get('/alerts').set(as('inspector', null))).body.items;
      const first = await api.http.get('/alerts?limit=1').set(as('inspector', null));
      expect(first.body.items).toHaveLength(1);
      if (all.length > 1) {
        const second = await api.http.get(`/alerts?limit=1&cursor=${first.body.nextCursor}`).set(as('inspector', null));
        expect(second.body.items[0].id).toBe(all[1].id);
      }
    });

    it.each(['rule=F99', 'status=closed', 'severity=critical', 'limit=0', 'limit=abc', 'cursor=not-a-cursor', 'colour=red'])('refuses ?%s as 400 validation-failed', async (query) => {
      const response = await api.http.get(`/alerts?${query}`).set(as('inspector', null));
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.code).toBe('validation-failed');
    });

    it('counts raised alerts by rule and severity in the Prometheus metrics', async () =>
      expect((await api.http.get('/metrics')).text).toMatch(/relief_alerts_raised_total\{rule="F1",severity="high"\} 1/));

    it('is 403 for a ward officer and 401 without a token', async () => {
      expect((await api.http.get('/alerts').set(as('ward-approver'))).status).toBe(403);
      expect((await api.http.get('/alerts')).status).toBe(401);
    });
  });

  describe('GET /alerts/{id}', () => {
    it('answers the alert, unresolved', async () =>
      expect((await api.http.get(`/alerts/${alertId}`).set(as('auditor', null))).body).toMatchObject({ id: alertId, rule: 'F1', resolution: null }));

    it('is 404 for an unknown or malformed id', async () => {
      expect((await api.http.get('/alerts/00000000-0000-4000-8000-000000000000').set(as('inspector', null))).status).toBe(404);
      expect((await api.http.get('/alerts/abc').set(as('inspector', null))).status).toBe(404);
    });
  });

  describe('POST /alerts/{id}/resolution', () => {
    it.each<[string, object]>([
      ['an unknown outcome', { outcome: 'maybe', note: 'x' }],
      ['no note', { outcome: 'confirmed' }],
      ['recovery with a dismissal', { outcome: 'dismissed', note: 'fine', orderRecovery: true }],
      ['an unknown field', { outcome: 'confirmed', note: 'x', amount: 5 }],
    ])('refuses %s as 400', async (_case, body) => expect((await api.http.post(`/alerts/${alertId}/resolution`).set(as('inspector', null)).send(body)).status).toBe(400));

    it('is 403 for an auditor and 404 for an unknown alert', async () => {
      expect((await api.http.post(`/alerts/${alertId}/resolution`).set(as('auditor', null)).send({ outcome: 'dismissed', note: 'x' })).status).toBe(403);
      expect((await api.http.post('/alerts/00000000-0000-4000-8000-000000000000/resolution').set(as('inspector', null)).send({ outcome: 'dismissed', note: 'x' })).status).toBe(404);
    });

    it('confirms with recovery ordered on both paid applications; the index and dashboards show it once recovered', async () => {
      const body = { outcome: 'confirmed', note: 'one person, two supports (NQ 42 §2)', orderRecovery: true };
      const response = await api.http.post(`/alerts/${alertId}/resolution`).set({ ...as('inspector', null, 'inspector-khanh'), 'Idempotency-Key': 'resolve-f1' }).send(body);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ id: alertId, status: 'confirmed', version: 1, recoveryOrdered: expect.arrayContaining([{ applicationId: paidId, amount: 3_000_000 }, { applicationId: LEGACY_ID, amount: 6_750_000 }]) });
      const repeat = await api.http.post(`/alerts/${alertId}/resolution`).set({ ...as('inspector', null, 'inspector-khanh'), 'Idempotency-Key': 'resolve-f1' }).send(body);
      expect(repeat.body).toEqual(response.body);
      const again = await api.http.post(`/alerts/${alertId}/resolution`).set(as('inspector', null)).send({ outcome: 'dismissed', note: 'second thoughts' });
      expect(again.status).toBe(409);

      expect((await api.http.post(`/applications/${paidId}/recovery`).set(as('inspector', null)).send({ action: 'recovered', amount: 3_000_000, reason: 'returned at the ward office' })).status).toBe(200);
      await api.settle();
      expect((await api.http.get(`/alerts/${alertId}`).set(as('inspector', null))).body).toMatchObject({ status: 'confirmed', resolution: { outcome: 'confirmed', resolvedBy: 'inspector-khanh' } });
      expect((await api.http.get(`/beneficiaries/${CITIZEN}`).set(as('auditor', null))).body).toMatchObject({ paidAmount: 9_750_000, recoveryOrderedAmount: 9_750_000, recoveredAmount: 3_000_000 });
      expect((await api.http.get('/dashboards/wards/W01').set(as('inspector', null))).body.byCategory['4'].recoveredAmount).toBe(3_000_000);
    });
  });

  describe('GET /alerts.csv', () => {
    it('streams every alert as CSV with a header', async () => {
      const response = await api.http.get('/alerts.csv?rule=F1').set(as('auditor', null));
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const lines = response.text.trim().split('\r\n');
      expect(lines[0]).toBe('id,rule,severity,status,title,legal_basis,ward,wards,application_ids,evidence_positions,reasons,raised_at,updated_at');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(`${alertId},F1,high,confirmed`);
    });

    it('words titles and reasons in the request’s language', async () => {
      const en = await api.http.get('/alerts.csv?rule=F1').set({ ...as('auditor', null), 'Accept-Language': 'en' });
      expect(en.text).toContain('One person approved or paid in two categories');
      expect(en.text).toContain('held support in categories 4, 7 at the same time');
      const vi = await api.http.get('/alerts.csv?rule=F1').set(as('auditor', null));
      expect(vi.text).toContain('cùng lúc hưởng hỗ trợ ở các nhóm 4, 7');
    });

    it('is 400 for a bad filter and 403 for a treasurer', async () => {
      expect((await api.http.get('/alerts.csv?status=closed').set(as('inspector', null))).status).toBe(400);
      expect((await api.http.get('/alerts.csv').set(as('treasurer'))).status).toBe(403);
    });
  });
});
