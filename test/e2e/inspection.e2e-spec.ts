import { EventStore } from '@lib/event-store';
import { importLegacyEvents } from '@lib/seeding';
import { anApplicant, createEmbeddedTestDatabase, createTestDatabase, paidInFull, reviewed, submitted, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

const PAID = '9f000000-0000-4000-8000-000000000001';
const WAITING = '9f000000-0000-4000-8000-000000000002';
const CITIZEN = '020080066601';

/** The same queries on the server's PostgreSQL and on trial mode's embedded one (one connection: CSV streams included). */
const databases: [string, () => Promise<TestDatabase>][] = [
  ['PostgreSQL', () => createTestDatabase('e2e_inspection')],
  ['the embedded PostgreSQL of trial mode (PGlite)', createEmbeddedTestDatabase],
];

describe.each(databases)('Inspectors’ queries over HTTP, on %s', (_, createDatabase) => {
  let db: TestDatabase;
  let api: ApiTestApp;
  const as = (role: Parameters<ApiTestApp['token']>[0], ward: string | null = 'W01') => ({ Authorization: `Bearer ${api.token(role, ward)}` });

  beforeAll(async () => {
    db = await createDatabase();
    api = await createApiTestApp(db);
    const rename = (id: string, applicant: ReturnType<typeof anApplicant>) => (event: { type: string; data: object }) =>
      ({ type: event.type, data: { ...event.data, applicationId: id, ...('applicant' in event.data ? { applicant } : {}) } });
    // 2020 history, as a legacy system recorded it: one paid, one stuck at posting since 19 May.
    await importLegacyEvents(api.app.get(EventStore), [
      { streamId: `support-application-${PAID}`, events: paidInFull('4').map(rename(PAID, anApplicant({ citizenId: CITIZEN, fullName: '=HYPERLINK("http://x","Bình")' }))) },
      { streamId: `support-application-${WAITING}`, events: [submitted('4'), reviewed('village-review')].map(rename(WAITING, anApplicant({ citizenId: '020080066602', phone: '0916660002' }))) },
    ], { recordedAt: '2020-06-01T02:00:00.000Z' });
    await api.settle();
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  describe('GET /beneficiaries/{citizenId}', () => {
    it('answers every application and payment of the person', async () => {
      const response = await api.http.get(`/beneficiaries/${CITIZEN}`).set(as('inspector', null));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        citizenId: CITIZEN, wards: ['W01'], categories: ['4'], approvedAmount: 2_000_000, paidAmount: 2_000_000,
        applications: [{ id: PAID, category: '4', status: 'paid', payments: [{ amount: 2_000_000, method: 'post-office' }] }],
      });
    });

    it('is 404 for a citizen ID nobody applied under, 400 for one that is not 9 or 12 digits, 403 for a ward officer', async () => {
      expect((await api.http.get('/beneficiaries/020080099999').set(as('auditor', null))).status).toBe(404);
      expect((await api.http.get('/beneficiaries/12ab').set(as('auditor', null))).body.code).toBe('validation-failed');
      expect((await api.http.get(`/beneficiaries/${CITIZEN}`).set(as('intake-officer'))).status).toBe(403);
    });
  });

  describe('GET /overdue-steps', () => {
    it('lists the application stuck at posting past its 5 working days, with how many working days over', async () => {
      const response = await api.http.get('/overdue-steps?asOf=2020-06-01').set(as('inspector', null));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        asOf: '2020-06-01',
        items: [expect.objectContaining({ applicationId: WAITING, awaitedStep: 'public-posting', countedFrom: '2020-05-18', dueOn: '2020-05-25', timeLimitWorkingDays: 5, workingDaysOverdue: 5 })],
        nextCursor: null,
      });
      expect((await api.http.get('/overdue-steps?asOf=2020-05-25').set(as('inspector', null))).body.items).toEqual([]);
    });

    it('shows ward officers their own ward only', async () => {
      expect((await api.http.get('/overdue-steps?asOf=2020-06-01').set(as('intake-officer'))).body.items).toHaveLength(1);
      expect((await api.http.get('/overdue-steps?ward=W01').set(as('intake-officer', 'W02'))).status).toBe(403);
    });

    it.each(['asOf=2020-02-30', 'asOf=yesterday', 'limit=999', 'cursor=zzz'])('refuses ?%s as 400', async (query) =>
      expect((await api.http.get(`/overdue-steps?${query}`).set(as('inspector', null))).status).toBe(400));
  });

  describe('GET /officers/{officerId}/activity', () => {
    it('answers the steps the officer performed per day', async () => {
      const response = await api.http.get('/officers/reviewer-hoa/activity?from=2020-05-01&to=2020-05-31').set(as('auditor', null));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ officerId: 'reviewer-hoa', from: '2020-05-01', to: '2020-05-31', days: [{ day: '2020-05-19', total: 2, steps: [{ step: 'village-review', action: 'reviewed', count: 2, amount: 0 }] }] });
    });

    it('is 400 without dates or with them reversed, 403 for a ward officer', async () => {
      expect((await api.http.get('/officers/reviewer-hoa/activity').set(as('inspector', null))).status).toBe(400);
      expect((await api.http.get('/officers/reviewer-hoa/activity?from=2020-06-01&to=2020-05-01').set(as('inspector', null))).status).toBe(400);
      expect((await api.http.get('/officers/reviewer-hoa/activity?from=2020-05-01&to=2020-05-31').set(as('ward-approver'))).status).toBe(403);
    });
  });

  describe('GET /applications.csv', () => {
    it('streams the ward’s applications, a name that looks like a formula neutralised', async () => {
      const response = await api.http.get('/applications.csv?ward=W01').set(as('ward-approver'));
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const lines = response.text.trim().split('\r\n');
      expect(lines[0]).toMatch(/^id,programme,category,ward,status,current_step,citizen_id,full_name,/);
      expect(lines).toHaveLength(3);
      expect(response.text).toContain(`"'=HYPERLINK(""http://x"",""Bình"")"`);
    });

    it('is 403 for another ward’s officer, 400 for an unknown status', async () => {
      expect((await api.http.get('/applications.csv?ward=W01').set(as('treasurer', 'W02'))).status).toBe(403);
      expect((await api.http.get('/applications.csv?status=lost').set(as('inspector', null))).status).toBe(400);
    });
  });
});
