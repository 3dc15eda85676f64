import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

const informalClaim = { months: ['2020-04', '2020-05'], occupation: 'motorbike-taxi', jobLostOn: '2020-04-01', monthlyIncome: 0 };
let serial = 0;
const citizenId = () => `0010800${String(++serial).padStart(5, '0')}`;

describe('Lists and decisions over HTTP', () => {
  let db: TestDatabase;
  let api: ApiTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('e2e_lists');
    api = await createApiTestApp(db);
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const as = (role: Parameters<ApiTestApp['token']>[0], ward: string | null = 'W01', sub?: string) => ({ Authorization: `Bearer ${api.token(role, ward, sub)}` });
  const eventCount = async () => Number((await db.pool.query('SELECT count(*) FROM events')).rows[0].count);

  const submit = async (ward = 'W01') => {
    const applicant = { citizenId: citizenId(), fullName: 'Lê Thị Hoa', dateOfBirth: '1980-02-02', ward, address: `Tổ 1, ${ward}` };
    const response = await api.http.post('/applications').set(as('intake-officer', ward)).send({ programme: 'nq42-2020', category: '4', applicant, claim: informalClaim });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  /** Applications of a ward brought to ward approval one by one, the old way. */
  const awaitingApproval = async (count: number, ward = 'W01') => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const id = await submit(ward);
      expect((await api.http.post(`/applications/${id}/village-review`).set(as('village-reviewer', ward)).send({ outcome: 'confirmed' })).status).toBe(200);
      const posting = { outcome: 'completed', reference: 'Bảng tin', postedFrom: '2020-05-18', postedUntil: '2020-05-20' };
      expect((await api.http.post(`/applications/${id}/steps/public-posting`).set(as('intake-officer', ward)).send(posting)).status).toBe(200);
      ids.push(id);
    }
    return ids;
  };
  const compile = (step: string, applicationIds: string[] | undefined, role: Parameters<ApiTestApp['token']>[0], ward = 'W01') =>
    api.http.post('/lists').set(as(role, ['district-appraiser', 'province-approver'].includes(role as string) ? null : ward)).send({ programme: 'nq42-2020', category: '4', ward, step, ...(applicationIds ? { applicationIds } : {}) });
  const approveList = (listId: string, body: object = {}) => api.http.post(`/lists/${listId}/steps/ward-approval`).set(as('ward-approver')).send({ outcome: 'completed', ...body });

  it('compiles a list, approves it in one append with an exclusion, and each application shows the list that carried it', async () => {
    const [a, b, c] = await awaitingApproval(3);
    const created = await compile('ward-approval', [a, b, c], 'ward-approver');
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), status: 'open', version: 1 });
    expect(created.headers.location).toBe(`/lists/${created.body.id}`);
    const listId = created.body.id;

    const acted = await approveList(listId, { exclusions: [{ applicationId: c, reason: 'Đã có lương hưu / receives a pension' }] });
    expect(acted.status).toBe(200);
    expect(acted.body).toEqual({ id: listId, status: 'completed', version: 2, applied: 2, excluded: 1 });

    // One append: every event of the act shares one transaction and one command id.
    const { rows } = await db.pool.query(
      `SELECT stream_id, type, transaction_id::text, metadata FROM events WHERE metadata->>'listId' = $1 ORDER BY global_position`,
      [listId],
    );
    expect(new Set(rows.map((row) => row.transaction_id)).size).toBe(1);
    expect(new Set(rows.map((row) => row.metadata.commandId)).size).toBe(1);
    expect(rows.map((row) => row.type).sort()).toEqual(
      expect.arrayContaining(['SupportApplicationApproved', 'SupportApplicationApproved', 'SupportApplicationRejected', 'SupportListStepPerformed']),
    );
    expect(rows.some((row) => row.stream_id.startsWith('beneficiary-'))).toBe(true);

    const history = await api.http.get(`/applications/${a}/history`).set(as('auditor', null));
    expect(history.body.events.at(-1)).toMatchObject({ type: 'SupportApplicationApproved', metadata: { listId, role: 'ward-approver', actorId: 'ward-approver@W01' } });
    const excluded = await api.http.get(`/applications/${c}/history`).set(as('auditor', null));
    expect(excluded.body.events.at(-1)).toMatchObject({ type: 'SupportApplicationRejected', data: { reason: 'Đã có lương hưu / receives a pension' }, metadata: { listId } });

    await api.settle();
    const list = await api.http.get(`/lists/${listId}`).set(as('intake-officer'));
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      id: listId, programme: 'nq42-2020', category: '4', ward: 'W01', step: 'ward-approval', status: 'completed', version: 2,
      applicationIds: [a, b, c], excluded: [{ applicationId: c }],
      totals: { applications: 3, amount: 3 * 2_000_000 - 0 },
    });
    expect(list.body.history.map((event: { type: string }) => event.type)).toEqual(['SupportListCompiled', 'SupportListStepPerformed']);
    expect((await api.http.get(`/lists/${listId}`).set(as('intake-officer', 'W02'))).status).toBe(403);
  });

  it('refuses the whole act with 409 list-step-refused naming each application that cannot take the step, and writes nothing', async () => {
    const [a, b] = await awaitingApproval(2);
    const listId = (await compile('ward-approval', [a, b], 'ward-approver')).body.id;
    // b is approved on its own meanwhile: the list can no longer approve it.
    expect((await api.http.post(`/applications/${b}/ward-approval`).set(as('ward-approver')).send({ decision: 'approved' })).status).toBe(200);
    const before = await eventCount();
    const refused = await approveList(listId);
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'list-step-refused', errors: [{ applicationId: b, code: 'invalid-transition', detail: expect.any(String) }] });
    expect(refused.body.errors).toHaveLength(1);
    expect(await eventCount()).toBe(before);
    expect((await api.http.get(`/lists/${listId}`).set(as('ward-approver'))).body.status).toBe('open');
  });

  it('compiles without ids every application of the ward and category awaiting the step', async () => {
    const ids = await awaitingApproval(2, 'W05');
    await api.settle();
    const created = await compile('ward-approval', undefined, 'ward-approver', 'W05');
    expect(created.status).toBe(201);
    const list = await api.http.get(`/lists/${created.body.id}`).set(as('ward-approver', 'W05'));
    expect([...list.body.applicationIds].sort()).toEqual([...ids].sort());
  });

  it('refuses to compile applications that do not await the step (409, each named), a caller without the step role (403) and bad bodies (400)', async () => {
    const fresh = await submit();
    const refused = await compile('ward-approval', [fresh], 'ward-approver');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'list-step-refused', errors: [{ applicationId: fresh, code: 'invalid-transition' }] });
    expect((await compile('ward-approval', [fresh], 'village-reviewer')).status).toBe(403);
    expect((await compile('ward-approval', ['not-a-uuid'], 'ward-approver')).status).toBe(400);
    const unknownField = await api.http.post('/lists').set(as('ward-approver')).send({ programme: 'nq42-2020', category: '4', ward: 'W01', step: 'ward-approval', extra: 1 });
    expect(unknownField.status).toBe(400);
    expect((await api.http.post(`/lists/${fresh}/steps/ward-approval`).set(as('ward-approver')).send({ outcome: 'completed' })).status).toBe(404);
  });

  it('lets one of two parallel acts on one list win; the other is refused and nothing is written twice', async () => {
    const ids = await awaitingApproval(3);
    const listId = (await compile('ward-approval', ids, 'ward-approver')).body.id;
    const before = await eventCount();
    const [first, second] = await Promise.all([approveList(listId), approveList(listId)]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const loser = first.status === 200 ? second : first;
    // Refused as a list already acted on, or (when it read the list before the winner committed
    // and its applications after) as applications that no longer await the step: never both written.
    expect(['invalid-transition', 'list-step-refused']).toContain(loser.body.code);
    // 3 approvals, their 3 people's events and the list's own event: once.
    const written = await eventCount();
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM events WHERE metadata->>'listId' = $1`, [listId]);
    expect(written - before).toBe(rows[0].n);
    expect(rows[0].n).toBeGreaterThanOrEqual(4);
    const approvals = await db.pool.query(`SELECT count(*)::int AS n FROM events WHERE type = 'SupportApplicationApproved' AND stream_id = ANY($1)`, [ids.map((id) => `support-application-${id}`)]);
    expect(approvals.rows[0].n).toBe(3);
  });

  it('repeats an act with the same Idempotency-Key as the first answer, appending nothing', async () => {
    const ids = await awaitingApproval(1);
    const listId = (await compile('ward-approval', ids, 'ward-approver')).body.id;
    const first = await api.http.post(`/lists/${listId}/steps/ward-approval`).set({ ...as('ward-approver'), 'Idempotency-Key': `act-${listId}` }).send({ outcome: 'completed' });
    const before = await eventCount();
    const again = await api.http.post(`/lists/${listId}/steps/ward-approval`).set({ ...as('ward-approver'), 'Idempotency-Key': `act-${listId}` }).send({ outcome: 'completed' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await eventCount()).toBe(before);
  });

  it("records one provincial decision over two wards' lists atomically, and each application carries the list and the decision number", async () => {
    const lists: string[] = [];
    const all: string[] = [];
    for (const ward of ['W01', 'W02']) {
      const ids = await awaitingApproval(2, ward);
      all.push(...ids);
      const approval = (await compile('ward-approval', ids, 'ward-approver', ward)).body.id;
      expect((await api.http.post(`/lists/${approval}/steps/ward-approval`).set(as('ward-approver', ward)).send({ outcome: 'completed' })).status).toBe(200);
      const appraisal = (await compile('district-appraisal', ids, 'district-appraiser', ward)).body.id;
      expect((await api.http.post(`/lists/${appraisal}/steps/district-appraisal`).set(as('district-appraiser', null)).send({ outcome: 'completed', reference: 'TĐ-12' })).status).toBe(200);
      const decision = await compile('provincial-decision', ids, 'province-approver', ward);
      expect(decision.status).toBe(201);
      lists.push(decision.body.id);
    }
    const body = { programme: 'nq42-2020', decisionNo: '1052/QĐ-UBND', decidedOn: '2020-05-25', listIds: lists };
    expect((await api.http.post('/decisions').set(as('ward-approver')).send(body)).status).toBe(403);
    const decided = await api.http.post('/decisions').set(as('province-approver', null)).send(body);
    expect(decided.status).toBe(201);
    expect(decided.body).toEqual({ id: expect.any(String), applied: 4 });
    const { rows } = await db.pool.query(`SELECT DISTINCT transaction_id::text FROM events WHERE metadata->>'decisionNo' = '1052/QĐ-UBND'`);
    expect(rows).toHaveLength(1);
    for (const [index, id] of all.entries()) {
      const history = await api.http.get(`/applications/${id}/history`).set(as('auditor', null));
      expect(history.body.events.at(-1)).toMatchObject({
        type: 'SupportApplicationDecided',
        data: { decisionNo: '1052/QĐ-UBND' },
        metadata: { listId: lists[Math.floor(index / 2)], decisionNo: '1052/QĐ-UBND', role: 'province-approver' },
      });
    }
    const again = await api.http.post('/decisions').set(as('province-approver', null)).send(body);
    expect(again.status).toBe(409);
  });

  it('refuses a decision over a list that is not for the decision step, naming it, and writes nothing', async () => {
    const ids = await awaitingApproval(1, 'W03');
    const approval = (await compile('ward-approval', ids, 'ward-approver', 'W03')).body.id;
    const before = await eventCount();
    const refused = await api.http.post('/decisions').set(as('province-approver', null)).send({ programme: 'nq42-2020', decisionNo: '77/QĐ-UBND', decidedOn: '2020-05-25', listIds: [approval] });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'list-step-refused', errors: [{ listId: approval, code: 'invalid-transition' }] });
    expect(await eventCount()).toBe(before);
    const badDate = await api.http.post('/decisions').set(as('province-approver', null)).send({ programme: 'nq42-2020', decisionNo: '78/QĐ-UBND', decidedOn: '25/05/2020', listIds: [approval] });
    expect(badDate.status).toBe(400);
  });
});
