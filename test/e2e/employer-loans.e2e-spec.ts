import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

/**
 * Category 8 over HTTP: the employer's representative files its list of furloughed workers at
 * the district, the province confirms, VBSP approves the loan the decider computed and
 * disburses it month by month to each worker, each worker-month once; F19 flags a listed worker
 * who also holds category 1 support for a lent month.
 */
describe('Employer loans (category 8) over HTTP', () => {
  let db: TestDatabase;
  let api: ApiTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('e2e_employer_loans');
    api = await createApiTestApp(db);
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  type Roles = Parameters<ApiTestApp['token']>[0];
  const as = (role: Roles, ward: string | null = 'W01', sub?: string) => ({ Authorization: `Bearer ${api.token(role, ward, sub)}` });
  const DISTRICT_INTAKE = () => as('district-appraiser', null, 'district-nhung');
  const DISTRICT = () => as('district-appraiser', null, 'district-tuan');
  const PROVINCE = () => as('province-approver', null, 'chairman-son');
  const VBSP_APPROVER = () => as('lender-officer', null, 'vbsp-hai');
  const VBSP_CASHIER = () => as('lender-officer', null, 'vbsp-thao');

  const representative = { citizenId: '001070000999', fullName: 'Trần Quốc Dũng', dateOfBirth: '1970-08-02', ward: 'W01', address: 'Số 5 Lê Lợi, W01' };
  const workers = (a: string, b: string) => [
    { citizenId: a, fullName: 'Hoàng Văn An', months: ['2020-04', '2020-05'] },
    { citizenId: b, fullName: 'Lý Thị Bình', months: ['2020-04', '2020-05', '2020-06'] },
  ];
  const loanClaim = (a: string, b: string, overrides: Record<string, unknown> = {}) => ({
    employerName: 'Công ty TNHH Du lịch Lạng Sơn', employerTaxCode: '4900555666', region: 'II', wagesPrepaid: true, noBadDebt: true, workers: workers(a, b), ...overrides,
  });
  const file = (claim: Record<string, unknown>, headers = DISTRICT_INTAKE(), language?: string) => {
    const request = api.http.post('/applications').set(headers);
    return (language ? request.set('Accept-Language', language) : request).send({ programme: 'nq42-2020', category: '8', applicant: representative, claim });
  };
  const step = (id: string, name: string, headers: Record<string, string>, body: Record<string, unknown> = {}) =>
    api.http.post(`/applications/${id}/steps/${name}`).set(headers).send({ outcome: 'completed', reference: `${name}-ref`, ...body });
  const ok = async (response: PromiseLike<{ status: number; body: unknown }>) => {
    const answer = await response;
    expect([answer.status, answer.body]).toEqual([200, expect.anything()]);
    return answer;
  };
  const disburse = (id: string, body: Record<string, unknown>, headers = VBSP_CASHIER(), language?: string) => {
    const request = api.http.post(`/applications/${id}/payment`).set(headers);
    return (language ? request.set('Accept-Language', language) : request).send({ method: 'bank', reference: `NHCS-${String(body.worker)}-${String(body.month)}`, ...body });
  };
  const view = async (id: string) => {
    await api.settle();
    return (await api.http.get(`/applications/${id}`).set(as('inspector', null))).body;
  };
  /** Region II: 50 % of 3,920,000 VND per worker-month. */
  const PER_WORKER_MONTH = 1_960_000;

  /** Filed, appraised by the district and confirmed by the province; VBSP's approval is next. */
  const confirmedLoan = async (a: string, b: string) => {
    const filed = await file(loanClaim(a, b));
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    await ok(step(id, 'district-appraisal', DISTRICT()));
    await ok(step(id, 'provincial-decision', PROVINCE(), { decisionNo: '1601/QĐ-UBND' }));
    return id;
  };

  it('serves category 8 with its loan terms, the regional minimum wages as configuration', async () => {
    const programme = (await api.http.get('/programmes/nq42-2020').set(as('auditor', null))).body;
    const loan = programme.categories.find((category: { code: string }) => category.code === '8');
    expect(loan).toMatchObject({
      label: { vi: expect.stringContaining('Người sử dụng lao động vay vốn'), en: expect.stringContaining('Employer loans') },
      loan: { regionField: 'region', regionalMinimumWages: { I: 4_420_000, II: 3_920_000, III: 3_430_000, IV: 3_070_000 }, wageSharePercent: 50, interestRatePercent: 0, maxTermMonths: 12 },
      maxMonths: 3,
      steps: [{ name: 'intake', role: 'district-appraiser' }, { name: 'district-appraisal' }, { name: 'provincial-decision' }, { name: 'loan-approval', role: 'lender-officer' }, { name: 'disbursement', role: 'lender-officer' }],
    });
  });

  describe('apply, approve and disburse per worker-month', () => {
    let id: string;
    const A = '001090000111';
    const B = '001090000222';

    beforeAll(async () => {
      id = await confirmedLoan(A, B);
    });

    it('has the decider compute the loan: 50 % of region II’s minimum wage × 5 worker-months', async () =>
      expect(await view(id)).toMatchObject({ category: '8', claimedAmount: 5 * PER_WORKER_MONTH }));

    it('refuses a treasurer approving the loan (403), then VBSP approves it', async () => {
      const byTreasurer = await step(id, 'loan-approval', as('treasurer'));
      expect([byTreasurer.status, byTreasurer.body.code]).toEqual([403, 'forbidden']);
      await ok(step(id, 'loan-approval', VBSP_APPROVER()));
      expect(await view(id)).toMatchObject({ status: 'approved', approvedAmount: 5 * PER_WORKER_MONTH });
    });

    it('refuses the officer who approved the loan disbursing it (403, segregation of duties)', async () => {
      const response = await disburse(id, { worker: A, month: '2020-04', amount: PER_WORKER_MONTH }, VBSP_APPROVER());
      expect([response.status, response.body.code]).toEqual([403, 'forbidden']);
    });

    it('disburses worker A’s April, and refuses it a second time with 409 in Vietnamese and English', async () => {
      await ok(disburse(id, { worker: A, month: '2020-04', amount: PER_WORKER_MONTH }));
      const vi = await disburse(id, { worker: A, month: '2020-04', amount: PER_WORKER_MONTH });
      const en = await disburse(id, { worker: A, month: '2020-04', amount: PER_WORKER_MONTH }, VBSP_CASHIER(), 'en');
      expect([vi.status, vi.body.code, en.status, en.body.code]).toEqual([409, 'invalid-transition', 409, 'invalid-transition']);
      expect(vi.body.detail).toContain(`khoản vay trả lương tháng 04/2020 của người lao động ${A} đã được giải ngân`);
      expect(en.body.detail).toContain(`the loan for worker ${A}’s wages of 04/2020 has already been disbursed`);
      expect(await view(id)).toMatchObject({ status: 'approved', paidAmount: PER_WORKER_MONTH });
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['no worker', { month: '2020-05', amount: PER_WORKER_MONTH }, 'worker'],
      ['a month that is not YYYY-MM', { worker: A, month: 'May', amount: PER_WORKER_MONTH }, 'month'],
      ['a worker not on the loan', { worker: '001090000999', month: '2020-05', amount: PER_WORKER_MONTH }, 'worker'],
      ['a month the worker is not listed for', { worker: A, month: '2020-06', amount: PER_WORKER_MONTH }, 'month'],
    ])('refuses %s with 400 naming the field', async (_case, body, field) => {
      const response = await disburse(id, body);
      expect([response.status, response.body.code]).toEqual([400, 'validation-failed']);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('refuses an amount other than what one worker-month is due (422), in both languages', async () => {
      const vi = await disburse(id, { worker: B, month: '2020-04', amount: 2 * PER_WORKER_MONTH });
      const en = await disburse(id, { worker: B, month: '2020-04', amount: 2 * PER_WORKER_MONTH }, VBSP_CASHIER(), 'en');
      expect(vi.body.code).toBe('amount-mismatch');
      expect(vi.status).toBe(en.status);
      expect(vi.body.detail).toMatch(/số tiền giải ngân cho một người lao động trong một tháng phải bằng/);
      expect(en.body.detail).toMatch(/one worker’s month must be disbursed at/);
    });

    it('is paid once every worker-month is disbursed, and refuses any of them again with 409', async () => {
      for (const [worker, month] of [[A, '2020-05'], [B, '2020-04'], [B, '2020-05'], [B, '2020-06']]) await ok(disburse(id, { worker, month, amount: PER_WORKER_MONTH }));
      expect(await view(id)).toMatchObject({ status: 'paid', paidAmount: 5 * PER_WORKER_MONTH });
      expect((await disburse(id, { worker: B, month: '2020-06', amount: PER_WORKER_MONTH })).status).toBe(409);
    });
  });

  describe('bad input when filing', () => {
    it.each<[string, Record<string, unknown>, string]>([
      ['no workers', loanClaim('001090000301', '001090000302', { workers: [] }), 'claim.workers'],
      ['a worker for four months', loanClaim('001090000303', '001090000304', { workers: [{ citizenId: '001090000303', fullName: 'A', months: ['2020-03', '2020-04', '2020-05', '2020-06'] }] }), 'claim.workers[0].months'],
      ['a region without a minimum wage', loanClaim('001090000305', '001090000306', { region: 'V' }), 'claim.region'],
      ['no tax code', loanClaim('001090000307', '001090000308', { employerTaxCode: undefined }), 'claim.employerTaxCode'],
    ])('refuses %s with 400 naming the field', async (_case, claim, field) => {
      const response = await file(claim);
      expect([response.status, response.body.code]).toEqual([400, 'validation-failed']);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('refuses a ward intake officer filing a loan (403): the district receives it', async () =>
      expect((await file(loanClaim('001090000309', '001090000310'), as('intake-officer'))).status).toBe(403));

    it('refuses an employer that did not pre-pay half the stoppage wages (422, the programme’s words)', async () => {
      const response = await file(loanClaim('001090000311', '001090000312', { wagesPrepaid: false }), DISTRICT_INTAKE(), 'en');
      expect([response.status, response.body.code]).toEqual([422, 'not-eligible']);
      expect(JSON.stringify(response.body)).toContain('at least 50% of their stoppage wages');
    });
  });

  describe('F19', () => {
    /** Category 1 for May and June, approved by the district appraisal. */
    const approvedFurlough = async (citizenId: string) => {
      const furlough = await api.http.post('/applications').set(as('intake-officer')).send({
        programme: 'nq42-2020', category: '1',
        applicant: { citizenId, fullName: 'Hoàng Văn An', dateOfBirth: '1990-01-02', ward: 'W01', address: 'Số 9 Trần Phú, W01' },
        claim: { months: ['2020-05', '2020-06'], employerName: 'Công ty TNHH Du lịch Lạng Sơn', employerTaxCode: '4900555666', suspensionStart: '2020-05-01', suspensionEnd: '2020-06-30', socialInsured: true, employerUnableToPay: true },
      });
      expect(furlough.status).toBe(201);
      await ok(step(furlough.body.id, 'social-insurance-confirmation', as('social-insurance-officer', null)));
      await ok(step(furlough.body.id, 'district-appraisal', DISTRICT()));
      return furlough.body.id as string;
    };
    const alertsNaming = async (applicationId: string) => {
      await api.settle();
      const alerts = (await api.http.get('/alerts?rule=F19').set(as('inspector', null))).body.items;
      return alerts.filter((alert: { applicationIds: string[] }) => alert.applicationIds.includes(applicationId));
    };

    it('raises an alert when the loan listing a worker is approved after the worker’s furlough support', async () => {
      const A = '001090000411';
      const B = '001090000412';
      const furloughId = await approvedFurlough(A);
      const loanId = await confirmedLoan(A, B);
      await ok(step(loanId, 'loan-approval', VBSP_APPROVER()));
      const alerts = await alertsNaming(loanId);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ rule: 'F19', applicationIds: [furloughId, loanId].sort() });
      const alert = (await api.http.get(`/alerts/${alerts[0].id}`).set(as('inspector', null))).body;
      const english = (await api.http.get(`/alerts/${alerts[0].id}`).set(as('inspector', null)).set('Accept-Language', 'en')).body;
      expect(alert.reasons).toEqual([`người lao động ${A} có tên trong khoản vay trả lương ${loanId} của người sử dụng lao động, đồng thời được hỗ trợ theo nhóm 1 (hồ sơ ${furloughId}) trong tháng 05/2020`]);
      expect(english.reasons).toEqual([`worker ${A} is on the employer loan ${loanId} and also supported in category 1 (application ${furloughId}) for 05/2020`]);
      expect(alert.details).toEqual({
        kind: 'loan-worker-also-furlough-supported',
        worker: A,
        months: ['2020-05'],
        pairs: [{ loanApplicationId: loanId, supportApplicationId: furloughId, months: ['2020-05'] }],
      });
    });

    it('raises it too when the furlough support is approved after the loan', async () => {
      const A = '001090000421';
      const loanId = await confirmedLoan(A, '001090000422');
      await ok(step(loanId, 'loan-approval', VBSP_APPROVER()));
      expect(await alertsNaming(loanId)).toEqual([]);
      const furloughId = await approvedFurlough(A);
      const [alert] = await alertsNaming(loanId);
      expect(alert).toMatchObject({ rule: 'F19', applicationIds: [furloughId, loanId].sort() });
    });
  });
});
