import { createEmbeddedTestDatabase, createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

const applicant = (citizenId: string, ward = 'W01') => ({
  citizenId,
  fullName: 'Trần Thị Bình',
  dateOfBirth: '1975-07-15',
  ward,
  address: `Tổ 5, ${ward}`,
  phone: '0987654321',
});
const informalClaim = { months: ['2020-04', '2020-05', '2020-06'], occupation: 'motorbike-taxi', jobLostOn: '2020-04-01', monthlyIncome: 0 };

/** The same cases on the server's PostgreSQL and on trial mode's embedded one (`npm start` without DATABASE_URL). */
const databases: [string, () => Promise<TestDatabase>][] = [
  ['PostgreSQL', () => createTestDatabase('e2e_workflow')],
  ['the embedded PostgreSQL of trial mode (PGlite)', createEmbeddedTestDatabase],
];

describe.each(databases)('Support application workflow over HTTP, on %s', (_, createDatabase) => {
  let db: TestDatabase;
  let api: ApiTestApp;

  beforeAll(async () => {
    db = await createDatabase();
    api = await createApiTestApp(db);
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const as = (role: Parameters<ApiTestApp['token']>[0], ward: string | null = 'W01', sub?: string) => ({ Authorization: `Bearer ${api.token(role, ward, sub)}` });

  const submit = async (citizenId: string, ward = 'W01') => {
    const response = await api.http.post('/applications').set(as('intake-officer', ward)).send({ programme: 'nq42-2020', category: '4', applicant: applicant(citizenId, ward), claim: informalClaim });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const review = (id: string, ward = 'W01') => api.http.post(`/applications/${id}/village-review`).set(as('village-reviewer', ward)).send({ outcome: 'confirmed', minutesRef: 'BB-05/2020' });
  const post = (id: string, ward = 'W01') =>
    api.http.post(`/applications/${id}/steps/public-posting`).set(as('intake-officer', ward)).send({ outcome: 'completed', reference: 'Bảng tin UBND phường', postedFrom: '2020-05-18', postedUntil: '2020-05-20' });
  const approve = (id: string, ward = 'W01') => api.http.post(`/applications/${id}/ward-approval`).set(as('ward-approver', ward)).send({ decision: 'approved' });
  const appraise = (id: string) => api.http.post(`/applications/${id}/steps/district-appraisal`).set(as('district-appraiser', null)).send({ outcome: 'completed', reference: 'TĐ-88' });
  const decide = (id: string) => api.http.post(`/applications/${id}/steps/provincial-decision`).set(as('province-approver', null)).send({ outcome: 'completed', decisionNo: '1052/QĐ-UBND' });
  const pay = (id: string, amount: number, ward = 'W01') => api.http.post(`/applications/${id}/payment`).set(as('treasurer', ward)).send({ amount, method: 'post-office', reference: 'BĐ-2020-0001' });
  const eventCount = async () => Number((await db.pool.query('SELECT count(*) FROM events')).rows[0].count);

  describe('an informal worker (category 4)', () => {
    it('goes from intake to payment, every step by its role, and the read model shows it paid', async () => {
      const id = await submit('001080000101');
      for (const step of [review(id), post(id), approve(id), appraise(id), decide(id)]) expect((await step).status).toBe(200);
      const paid = await pay(id, 3_000_000);
      expect(paid.status).toBe(200);
      expect(paid.body).toEqual({ id, status: 'paid', version: 7 });
      expect(paid.headers.etag).toBe('"7"');
      await api.settle();
      const view = await api.http.get(`/applications/${id}`).set(as('auditor', null));
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({ id, programme: 'nq42-2020', category: '4', ward: 'W01', status: 'paid', currentStep: null, version: 7, approvedAmount: 3_000_000, paidAmount: 3_000_000 });
      const listed = await api.http.get('/applications?status=paid').set(as('intake-officer', 'W01'));
      expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(id);
      const dashboard = await api.http.get('/dashboards/wards/W01').set(as('inspector', null));
      expect(dashboard.body.byCategory['4'].paidAmount).toBeGreaterThanOrEqual(3_000_000);
    });

    it('lists every event with actor, version and hash, and its state at version 1 is the submitted application', async () => {
      const id = await submit('001080000102');
      await review(id);
      const history = await api.http.get(`/applications/${id}/history`).set(as('auditor', null));
      expect(history.status).toBe(200);
      expect(history.body.events.map((event: { type: string; version: number }) => [event.version, event.type])).toEqual([
        [1, 'SupportApplicationSubmitted'],
        [2, 'SupportApplicationReviewed'],
      ]);
      for (const event of history.body.events) {
        expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(event.metadata).toMatchObject({ actorId: expect.any(String), role: expect.any(String), ward: 'W01', commandId: expect.any(String), correlationId: expect.any(String) });
      }
      expect(history.body.events[1].metadata).toMatchObject({ actorId: 'village-reviewer@W01', role: 'village-reviewer' });
      const state = await api.http.get(`/applications/${id}/state?version=1`).set(as('auditor', null));
      expect(state.status).toBe(200);
      expect(state.body.state).toMatchObject({ id, status: 'submitted', currentStep: 'village-review', version: 1 });
      const before = await api.http.get(`/applications/${id}/state?asOf=2000-01-01T00:00:00Z`).set(as('inspector', null));
      expect(before.status).toBe(404);
    });
  });

  describe('refusals', () => {
    it('refuses payment before approval with 409 invalid-transition', async () => {
      const id = await submit('001080000103');
      const response = await pay(id, 3_000_000);
      expect(response.status).toBe(409);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 409, code: 'invalid-transition' });
    });

    it('refuses the wrong role and another ward with 403', async () => {
      const id = await submit('001080000104');
      const wrongRole = await api.http.post(`/applications/${id}/village-review`).set(as('treasurer')).send({ outcome: 'confirmed' });
      expect(wrongRole.status).toBe(403);
      expect(wrongRole.body.code).toBe('forbidden');
      const otherWard = await review(id, 'W09');
      expect(otherWard.status).toBe(403);
      const read = await api.http.get(`/applications/${id}`).set(as('intake-officer', 'W09'));
      expect(read.status).toBe(403);
    });

    it('refuses the same officer reviewing and approving with 403', async () => {
      const id = await submit('001080000105');
      const both = as(['village-reviewer', 'ward-approver'], 'W01', 'officer-lan');
      expect((await api.http.post(`/applications/${id}/village-review`).set(both).send({ outcome: 'confirmed' })).status).toBe(200);
      expect((await post(id)).status).toBe(200);
      const approval = await api.http.post(`/applications/${id}/ward-approval`).set(both).send({ decision: 'approved' });
      expect(approval.status).toBe(403);
      expect(approval.body).toMatchObject({ code: 'forbidden', reason: 'segregation-of-duties' });
    });

    it('answers 401 to no token, a forged token and alg none', async () => {
      expect((await api.http.get('/programmes')).status).toBe(401);
      const genuine = api.token('auditor', null);
      const [header, payload] = genuine.split('.');
      const forgedPayload = Buffer.from(JSON.stringify({ sub: 'mallory', roles: ['admin'], ward: null })).toString('base64url');
      expect((await api.http.get('/programmes').set('Authorization', `Bearer ${header}.${forgedPayload}.${genuine.split('.')[2]}`)).status).toBe(401);
      const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const response = await api.http.get('/programmes').set('Authorization', `Bearer ${none}.${payload}.`);
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('unauthenticated');
    });

    it('answers bad bodies with 4xx problem+json and appends nothing', async () => {
      const before = await eventCount();
      const officer = as('intake-officer');
      const malformed = await api.http.post('/applications').set(officer).set('Content-Type', 'application/json').send('{"programme": "nq42-2020",');
      expect(malformed.status).toBe(400);
      const wrongTypes = await api.http.post('/applications').set(officer).send({ programme: 42, category: ['4'], applicant: 'me', claim: 'x' });
      expect(wrongTypes.status).toBe(400);
      expect(wrongTypes.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['programme', 'category', 'applicant', 'claim']));
      const unknownCategory = await api.http.post('/applications').set(officer).send({ programme: 'nq42-2020', category: '99', applicant: applicant('001080000106'), claim: informalClaim });
      expect(unknownCategory.status).toBe(400);
      const outsideWindow = await api.http.post('/applications').set(officer).send({ programme: 'nq42-2020', category: '4', applicant: applicant('001080000106'), claim: { ...informalClaim, months: ['2020-08'] } });
      expect(outsideWindow.status).toBe(422);
      expect(outsideWindow.body.code).toBe('not-eligible');
      const unknownProperty = await api.http.post('/applications').set(officer).send({ programme: 'nq42-2020', category: '4', applicant: applicant('001080000106'), claim: informalClaim, amount: 9_000_000 });
      expect(unknownProperty.status).toBe(400);
      const huge = await api.http.post('/applications').set(officer).set('Content-Type', 'application/json').send(JSON.stringify({ programme: 'x'.repeat(3 * 1024 * 1024) }));
      expect(huge.status).toBe(413);
      for (const response of [malformed, wrongTypes, unknownCategory, outsideWindow, unknownProperty, huge]) {
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: response.status, detail: expect.any(String), code: expect.any(String) });
      }
      expect(await eventCount()).toBe(before);
    });

    it('refuses a payment of the wrong amount with 409 amount-mismatch', async () => {
      const id = await submit('001080000107');
      for (const step of [review(id), post(id), approve(id), appraise(id), decide(id)]) expect((await step).status).toBe(200);
      const response = await pay(id, 3_500_000);
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'amount-mismatch', expectedAmount: 3_000_000 });
    });

    it('refuses a stale If-Match with 412', async () => {
      const id = await submit('001080000108');
      const response = await api.http.post(`/applications/${id}/village-review`).set(as('village-reviewer')).set('If-Match', '"3"').send({ outcome: 'confirmed' });
      expect(response.status).toBe(412);
      expect(response.body.code).toBe('version-mismatch');
      const current = await api.http.post(`/applications/${id}/village-review`).set(as('village-reviewer')).set('If-Match', '"1"').send({ outcome: 'confirmed' });
      expect(current.status).toBe(200);
    });

    it('makes one application of the same Idempotency-Key sent twice', async () => {
      const body = { programme: 'nq42-2020', category: '4', applicant: applicant('001080000109'), claim: informalClaim };
      // Warnings are read from the read models: settled first, both answers see the earlier tests' namesakes alike.
      await api.settle();
      const first = await api.http.post('/applications').set(as('intake-officer')).set('Idempotency-Key', 'intake-2020-05-18-0001').send(body);
      const second = await api.http.post('/applications').set(as('intake-officer')).set('Idempotency-Key', 'intake-2020-05-18-0001').send(body);
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM events WHERE type = 'SupportApplicationSubmitted' AND data->'applicant'->>'citizenId' = '001080000109'`);
      expect(rows[0].n).toBe(1);
    });
  });

  describe('one citizen in two wards, advanced concurrently', () => {
    it('pays exactly one and refuses the other with 409 duplicate-support', async () => {
      const citizenId = '001080000110';
      const [inW01, inW02] = await Promise.all([submit(citizenId, 'W01'), submit(citizenId, 'W02')]);
      const advance = async (id: string, ward: string) => {
        for (const step of [() => review(id, ward), () => post(id, ward), () => approve(id, ward), () => appraise(id), () => decide(id), () => pay(id, 3_000_000, ward)]) {
          const response = await step();
          if (response.status !== 200) return response;
        }
        return null;
      };
      const [a, b] = await Promise.all([advance(inW01, 'W01'), advance(inW02, 'W02')]);
      const refusals = [a, b].filter((response) => response !== null);
      expect(refusals).toHaveLength(1);
      expect(refusals[0]!.status).toBe(409);
      expect(refusals[0]!.body.code).toBe('duplicate-support');
      await api.settle();
      const statuses = await Promise.all([inW01, inW02].map(async (id) => (await api.http.get(`/applications/${id}`).set(as('inspector', null))).body.status));
      expect(statuses.filter((status) => status === 'paid')).toHaveLength(1);
    });
  });
});
