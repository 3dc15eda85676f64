import { EventStore } from '@lib/event-store';
import { importLegacyEvents } from '@lib/seeding';
import { anApplicant, createTestDatabase, paidInFull, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

const CLAIM_4 = { months: ['2020-04', '2020-05'], occupation: 'porter', jobLostOn: '2020-04-01', monthlyIncome: 0 };
const NAM = { fullName: 'Hoàng Văn Nam', dateOfBirth: '1982-09-12', ward: 'W01', address: 'Số 12 Lê Lợi, W01' };

describe('Identity resolution over HTTP: warnings at intake, ?q= search, F20 and recovery on chosen applications', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  const ids: Record<string, string> = {};

  const as = (role: Parameters<ApiTestApp['token']>[0], ward: string | null = 'W01') => ({ Authorization: `Bearer ${api.token(role, ward)}` });
  const submit = (applicant: object, ward = 'W01', headers: Record<string, string> = {}) =>
    api.http.post('/applications').set({ ...as('intake-officer', ward), ...headers }).send({ programme: 'nq42-2020', category: '4', applicant, claim: CLAIM_4 });
  const search = async (q: string, role: Parameters<ApiTestApp['token']>[0] = 'intake-officer', ward: string | null = 'W01') => {
    const response = await api.http.get(`/applications?q=${encodeURIComponent(q)}`).set(as(role, ward));
    expect(response.status).toBe(200);
    return response.body.items.map((item: { id: string }) => item.id).sort();
  };

  beforeAll(async () => {
    db = await createTestDatabase('e2e_identity');
    api = await createApiTestApp(db);
    // A CMND typed with full-width digits and a phone with spaces: the same numbers as ASCII.
    const first = await submit({ ...NAM, citizenId: '０８２１２３４５６', phone: '０９１２ ３４５ ６７８' });
    expect(first.status).toBe(201);
    expect(first.body.warnings).toEqual([]);
    ids.cmnd = first.body.id;
    const lan = await submit({ citizenId: '020085007777', fullName: 'Nguyễn Thị Lan', dateOfBirth: '1985-01-20', ward: 'W02', address: 'Số 4 Tam Thanh, W02', phone: '0987654321' }, 'W02');
    ids.lan = lan.body.id;
    await api.settle();
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  describe('POST /applications warnings (never a refusal)', () => {
    it('stores the citizen ID and phone as ASCII digits', async () => {
      const response = await api.http.get(`/applications/${ids.cmnd}`).set(as('intake-officer'));
      expect(response.body.applicant).toMatchObject({ citizenId: '082123456', phone: '0912345678' });
    });

    it('probable-same-person: the same name without diacritics, date of birth and address under a 12-digit CCCD, linked to the CMND application', async () => {
      const response = await submit({ ...NAM, fullName: 'HOANG  VAN NAM', citizenId: '020082001234', phone: '0912345678' });
      expect(response.status).toBe(201);
      ids.cccd = response.body.id;
      expect(response.body).toMatchObject({ id: expect.any(String), status: 'submitted', version: 1 });
      expect(response.body.warnings).toEqual([{
        code: 'probable-same-person', applicationId: ids.cmnd, ward: 'W01', category: '4', status: 'submitted', score: 110,
        matched: ['name', 'dateOfBirth', 'address', 'phone', 'documentKinds'], message: expect.stringContaining('Có thể là cùng một người'),
      }]);
    });

    it('already-supported: the same citizen ID again, in English when asked', async () => {
      await api.settle(); // warnings read the read models: what the projector has seen
      const response = await submit({ ...NAM, citizenId: '082123456' }, 'W01', { 'Accept-Language': 'en-GB,en;q=0.9' });
      expect(response.status).toBe(201);
      ids.again = response.body.id;
      expect(response.body.warnings).toEqual(expect.arrayContaining([
        expect.objectContaining({ code: 'already-supported', applicationId: ids.cmnd, message: expect.stringContaining('already holds or requested support') }),
        expect.objectContaining({ code: 'probable-same-person', applicationId: ids.cccd }),
      ]));
    });

    it('names no application of another ward: the warning stays, without its id', async () => {
      const response = await submit({ ...NAM, ward: 'W02', address: 'Số 1 Tam Thanh, W02', citizenId: '020082005555' }, 'W02');
      expect(response.status).toBe(201);
      ids.w02 = response.body.id;
      expect(response.body.warnings.length).toBeGreaterThan(0);
      for (const warning of response.body.warnings) {
        expect(warning).toMatchObject({ code: 'probable-same-person', ward: 'W01' });
        expect(warning.applicationId).toBeUndefined();
      }
    });

    it('GET /beneficiaries/{citizenId} answers an ID typed with full-width digits', async () => {
      const response = await api.http.get(`/beneficiaries/${encodeURIComponent('０８２ １２３ ４５６')}`).set(as('inspector', null));
      expect(response.status).toBe(200);
      expect(response.body.citizenId).toBe('082123456');
    });

    it('GET /applications/{id} carries the same warnings', async () => {
      await api.settle();
      const response = await api.http.get(`/applications/${ids.cmnd}`).set(as('ward-approver'));
      expect(response.status).toBe(200);
      const codes = response.body.warnings.map((warning: { code: string; applicationId?: string }) => `${warning.code}:${warning.applicationId}`);
      expect(codes).toEqual(expect.arrayContaining([`already-supported:${ids.again}`, `probable-same-person:${ids.cccd}`]));
    });
  });

  describe('GET /applications?q=', () => {
    it('finds by name without diacritics, case or spacing', async () => {
      expect(await search('hoang van nam')).toEqual([ids.cmnd, ids.cccd, ids.again].sort());
      expect(await search('Hoàng   VĂN nam')).toEqual([ids.cmnd, ids.cccd, ids.again].sort());
      expect(await search('van nam')).toEqual([ids.cmnd, ids.cccd, ids.again].sort());
    });

    it('finds by citizen ID and by phone, typed with full-width digits or spaces', async () => {
      expect(await search('082123456')).toEqual([ids.cmnd, ids.again].sort());
      expect(await search('０２００８２００１２３４')).toEqual([ids.cccd]);
      expect(await search('0912 345 678')).toEqual([ids.cmnd, ids.cccd].sort());
      expect(await search('+84912345678')).toEqual([ids.cmnd, ids.cccd].sort());
    });

    it('stays within the caller’s ward: a W01 officer never finds W02 people; an inspector does', async () => {
      expect(await search('nguyen thi lan')).toEqual([]);
      expect(await search('0987654321')).toEqual([]);
      expect(await search('nguyen thi lan', 'intake-officer', 'W02')).toEqual([ids.lan]);
      expect(await search('hoang van nam', 'intake-officer', 'W02')).toEqual([ids.w02]);
      expect(await search('nguyen thi lan', 'inspector', null)).toEqual([ids.lan]);
      expect((await api.http.get('/applications?q=lan&ward=W02').set(as('intake-officer'))).status).toBe(403);
    });

    it('combines with the other filters and answers nothing for a stranger', async () => {
      expect(await search('khong ai ten nay')).toEqual([]);
      expect((await api.http.get('/applications?q=hoang&category=7').set(as('intake-officer'))).body.items).toEqual([]);
    });

    it.each(['', '!!!', 'x'.repeat(101)])('refuses q=%j as 400 validation-failed', async (q) => {
      const response = await api.http.get(`/applications?q=${encodeURIComponent(q)}`).set(as('intake-officer'));
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation-failed');
    });
  });

  describe('F20 and recovery on chosen applications', () => {
    it('raises F20 over the CMND and CCCD applications, with the pairs as structured details', async () => {
      await api.settle();
      const response = await api.http.get('/alerts?rule=F20').set(as('inspector', null));
      expect(response.status).toBe(200);
      const [alert] = response.body.items;
      expect(alert).toMatchObject({ rule: 'F20', severity: 'medium', status: 'open', details: { kind: 'probable-same-person', minScore: 70 } });
      expect(alert.applicationIds).toEqual(expect.arrayContaining([ids.cmnd, ids.cccd]));
      expect(alert.details.pairs).toEqual(expect.arrayContaining([expect.objectContaining({ applicationIds: [ids.cmnd, ids.cccd], documentKinds: ['cmnd', 'cccd'], score: 110 })]));
    });

    it('orders recovery only on the applications the inspector chose', async () => {
      const citizenId = '020070004444';
      const legacy = ['9e000000-0000-4000-8000-000000000071', '9e000000-0000-4000-8000-000000000074'];
      await importLegacyEvents(api.app.get(EventStore), legacy.map((applicationId, i) => ({
        streamId: `support-application-${applicationId}`,
        events: paidInFull(i === 0 ? '7' : '4').map((event) => ({ type: event.type, data: { ...event.data, applicationId, ...('applicant' in event.data ? { applicant: anApplicant({ citizenId, fullName: 'Lò Văn Pọm', phone: '0966000444', address: 'Số 9 Bà Triệu' }) } : {}) } })),
      })), { recordedAt: '2020-06-01T02:00:00.000Z' });
      await api.settle();
      const alert = (await api.http.get('/alerts?rule=F1').set(as('inspector', null))).body.items.find((item: { applicationIds: string[] }) => item.applicationIds.includes(legacy[0]));
      expect(alert.applicationIds).toEqual(legacy);
      const url = `/alerts/${alert.id}/resolution`;
      expect((await api.http.post(url).set(as('inspector', null)).send({ outcome: 'confirmed', note: 'x', recoveryApplicationIds: [legacy[1]] })).status).toBe(400);
      expect((await api.http.post(url).set(as('inspector', null)).send({ outcome: 'confirmed', note: 'x', orderRecovery: true, recoveryApplicationIds: [ids.cmnd] })).status).toBe(400);
      const response = await api.http.post(url).set(as('inspector', null)).send({ outcome: 'confirmed', note: 'category 4 was the improper one', orderRecovery: true, recoveryApplicationIds: [legacy[1]] });
      expect(response.status).toBe(200);
      expect(response.body.recoveryOrdered).toEqual([{ applicationId: legacy[1], amount: 2_000_000 }]);
      await api.settle();
      expect((await api.http.get(`/applications/${legacy[0]}`).set(as('inspector', null))).body.recoveryOrderedAmount).toBe(0);
      expect((await api.http.get(`/applications/${legacy[1]}`).set(as('inspector', null))).body.recoveryOrderedAmount).toBe(2_000_000);
    });
  });
});
