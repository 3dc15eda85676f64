import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { importLegacyEvents } from '@lib/seeding';
import { EventStore } from '@lib/event-store';
import { anApplicant, createTestDatabase, paidInFull, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';
import { BROWSER_TEST_TIMEOUT_MS, devSignIn, ensureConsoleBuilt, launchChromium, listen, screenshot } from './console-browser';

/**
 * The web console at /console in Debian's Chromium, against the real service on a test
 * database: every click goes through the public HTTP API. Screenshots land in
 * test-artifacts/console/.
 */
describe('Web console in a real browser', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);
  let db: TestDatabase;
  let api: ApiTestApp;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ensureConsoleBuilt();
    db = await createTestDatabase('e2e_console');
    api = await createApiTestApp(db, { DEV_SIGN_IN: 'true', RATE_LIMIT: '0' });
    base = await listen(api);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db?.drop();
  });

  beforeEach(async () => {
    context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterEach(async () => {
    // The page as the test left it, passed or failed: the first place to look when one fails.
    const name = (expect.getState().currentTestName ?? 'test').replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await screenshot(page, `last-${name}`).catch(() => undefined);
    await context?.close();
    expect(pageErrors).toEqual([]);
  });

  const as = (role: Parameters<ApiTestApp['token']>[0], ward: string | null = 'W01', sub?: string) => ({ Authorization: `Bearer ${api.token(role, ward, sub)}` });

  const fillApplicant = async (form: Locator, citizenId: string) => {
    await form.locator('[name="applicant.citizenId"]').fill(citizenId);
    await form.locator('[name="applicant.fullName"]').fill('Hoàng Văn Nam');
    await form.locator('[name="applicant.dateOfBirth"]').fill('1982-09-12');
    await form.locator('[name="applicant.address"]').fill('Số 12 Lê Lợi, phường W01');
    await form.locator('[name="applicant.phone"]').fill('0912345678');
  };

  /** Signs in as the role, opens the application's row in the worklist and records the step. */
  const actOnWorklist = async (id: string, role: string, ward: string, sub: string, fill: (panel: Locator) => Promise<void>, shot?: string) => {
    await devSignIn(page, role, ward, sub);
    await page.locator(`[data-testid=worklist-row][data-id="${id}"]`).getByTestId('act').click();
    const panel = page.getByTestId('action-panel');
    await fill(panel);
    if (shot) await screenshot(page, shot);
    await panel.getByTestId('action-submit').click();
    return panel;
  };

  it('walks an informal worker from intake to payment through the pages, and the auditor sees the verified timeline', async () => {
    await page.goto(`${base}/console`);
    await page.getByTestId('dev-sign-in').locator('[name=role]').waitFor();
    await screenshot(page, '01-sign-in');

    // Intake, driven by the programme's claim fields.
    await devSignIn(page, 'intake-officer', 'W01', 'officer-lan');
    await page.getByTestId('nav-intake').click();
    const form = page.getByTestId('intake-form');
    await form.locator('[name=category]').selectOption('4');
    await fillApplicant(form, '020080001234');
    await form.locator('[name="month-2020-04"]').check();
    await form.locator('[name="month-2020-05"]').check();
    await form.locator('[name="claim.occupation"]').selectOption('motorbike-taxi');
    await form.locator('[name="claim.jobLostOn"]').fill('2020-04-01');
    await form.locator('[name="claim.monthlyIncome"]').fill('0');
    await screenshot(page, '02-intake');
    await page.getByTestId('intake-submit').click();
    const id = (await page.getByTestId('created-link').getAttribute('data-id'))!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await api.settle();

    // Each step by its own role and officer, from the ward's worklist.
    const steps: [string, string, string, (panel: Locator) => Promise<void>, string?][] = [
      ['village-reviewer', 'W01', 'reviewer-hoa', (panel) => panel.locator('[name=minutesRef]').fill('BB-01/2020'), '03-worklist-review'],
      ['intake-officer', 'W01', 'officer-lan', async (panel) => {
        await panel.locator('[name=reference]').fill('Bảng tin UBND phường');
        await panel.locator('[name=postedFrom]').fill('2020-05-18');
        await panel.locator('[name=postedUntil]').fill('2020-05-19');
      }],
      ['ward-approver', 'W01', 'approver-minh', async (panel) => void (await panel.locator('[name=decision]').selectOption('approved'))],
      ['district-appraiser', 'W01', 'district-tuan', (panel) => panel.locator('[name=reference]').fill('TĐ-17')],
      ['province-approver', 'W01', 'chairman-son', (panel) => panel.locator('[name=decisionNo]').fill('1052/QĐ-UBND')],
    ];
    for (const [role, ward, sub, fill, shot] of steps) {
      await actOnWorklist(id, role, ward, sub, fill, shot);
      await page.getByTestId('action-done').waitFor();
      await api.settle();
    }

    // Payment: the amount is the programme's (1,000,000 VND x 2 months), shown, not typed.
    await actOnWorklist(id, 'treasurer', 'W01', 'treasurer-mai', async (panel) => {
      expect(await panel.getByTestId('pay-amount').textContent()).toBe('2.000.000 ₫');
      await panel.locator('[name=method]').selectOption('post-office');
      await panel.locator('[name=reference]').fill('BĐ-0001');
    }, '04-payment');
    expect(await page.getByTestId('action-done').textContent()).toContain('Đã chi trả');
    await api.settle();
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('chart-status').waitFor();
    expect(await page.getByTestId('chart-status').textContent()).toContain('Đã chi trả');
    expect(await page.getByTestId('totals').textContent()).toContain('2.000.000 ₫');
    await screenshot(page, '05-dashboard');
    const [wardCsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('applications-csv').click()]);
    expect(wardCsv.suggestedFilename()).toBe('applications-W01.csv');
    const paidRow = (await readFile((await wardCsv.path())!, 'utf8')).split(/\r?\n/).find((row) => row.startsWith(id));
    expect(paidRow).toContain(',paid,');

    // The auditor's timeline: every event with its actor and role, the chain verified in the browser.
    await devSignIn(page, 'auditor', '', 'auditor-thao');
    await page.goto(`${base}/console/#/applications/${id}`);
    await page.locator('[data-testid=chain-status][data-state=verified]').waitFor();
    const events = page.getByTestId('timeline-event');
    expect(await events.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-type')))).toEqual([
      'SupportApplicationSubmitted',
      'SupportApplicationReviewed',
      'SupportApplicationPosted',
      'SupportApplicationApproved',
      'SupportApplicationReviewed',
      'SupportApplicationDecided',
      'SupportApplicationPaid',
    ]);
    const timeline = (await page.getByTestId('timeline').textContent()) ?? '';
    for (const actor of ['officer-lan', 'reviewer-hoa', 'approver-minh', 'district-tuan', 'chairman-son', 'treasurer-mai']) expect(timeline).toContain(actor);
    expect(timeline).toContain('Kế toán, thủ quỹ');
    expect(timeline).toContain('nq42-2020 v1');

    // Time travel: the state as of version 1, from GET /applications/{id}/state?version=1.
    await page.locator('[data-testid=time-travel] input[type=range]').focus();
    await page.keyboard.press('Home');
    await page.locator('[data-testid=past-state]').getByText('Đã tiếp nhận').waitFor();
    expect(await page.getByTestId('selected-version').textContent()).toBe('1');
    await screenshot(page, '06-timeline');

    await page.getByTestId('lang').click();
    await page.getByText('Hash chain verified', { exact: false }).waitFor();
    await screenshot(page, '07-timeline-en');
  });

  /** Once the read models have the application, its case page as this W01 officer. */
  const openCase = async (id: string, role: string, sub: string): Promise<void> => {
    await api.settle();
    await page.goto(`${base}/console/`);
    await devSignIn(page, role, 'W01', sub);
    await page.goto(`${base}/console/#/applications/${id}`);
  };

  /** A W01 street vendor's application (category 4, April 2020 unless other months are given), submitted over the API; its id. */
  const submitStreetVendor = async (applicant: { citizenId: string; fullName: string; dateOfBirth: string; address: string }, months = ['2020-04']): Promise<string> => {
    const submitted = await api.http.post('/applications').set(as('intake-officer')).send({
      programme: 'nq42-2020', category: '4',
      applicant: { ...applicant, ward: 'W01' },
      claim: { months, occupation: 'street-vendor', jobLostOn: '2020-04-01', monthlyIncome: 0 },
    });
    expect(submitted.status).toBe(201);
    return submitted.body.id as string;
  };

  it("shows the API's refusals: field errors beside their fields, and a problem's title and detail", async () => {
    await page.goto(`${base}/console/`);
    await devSignIn(page, 'intake-officer', 'W01', 'officer-lan');
    await page.getByTestId('nav-intake').click();
    const form = page.getByTestId('intake-form');
    await form.locator('[name=category]').selectOption('4');

    // 400: the applicant's fields, each message next to its input.
    await form.locator('[name="applicant.citizenId"]').fill('12345');
    await page.getByTestId('intake-submit').click();
    await form.getByTestId('error-applicant.citizenId').waitFor();
    expect(await form.getByTestId('error-applicant.citizenId').textContent()).toBe('phải là số CMND (9 chữ số) hoặc CCCD (12 chữ số)');
    expect(await form.getByTestId('error-applicant.fullName').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('problem-title').textContent()).toBe('Yêu cầu không hợp lệ');
    await screenshot(page, '08-intake-errors');

    // 400 from the programme: the claim's own fields (GET /programmes/{id} claimFields).
    await fillApplicant(form, '020080009999');
    await form.locator('[name="month-2020-04"]').check();
    await page.getByTestId('intake-submit').click();
    await form.getByTestId('error-claim.occupation').waitFor();
    expect(await form.getByTestId('error-claim.jobLostOn').textContent()).toBe('không được để trống');

    // 422: a condition of the programme, named on its field.
    await form.locator('[name="claim.occupation"]').selectOption('porter');
    await form.locator('[name="claim.jobLostOn"]').fill('2020-08-01');
    await form.locator('[name="claim.monthlyIncome"]').fill('0');
    await page.getByTestId('intake-submit').click();
    await form.getByTestId('error-claim.jobLostOn').getByText('Phải mất việc làm trong khoảng từ 01/04/2020 đến 30/06/2020').waitFor();
    expect(await page.getByTestId('problem-title').textContent()).toBe('Hồ sơ không đáp ứng điều kiện của chương trình');

    // 403: the officer who reviewed may not also approve (segregation of duties).
    const id = await submitStreetVendor({ citizenId: '020080005678', fullName: 'Lê Thị Hoa', dateOfBirth: '1979-01-30', address: 'Tổ 3, W01' });
    expect((await api.http.post(`/applications/${id}/village-review`).set(as('village-reviewer', 'W01', 'officer-binh')).send({ outcome: 'confirmed' })).status).toBe(200);
    expect((await api.http.post(`/applications/${id}/steps/public-posting`).set(as('intake-officer')).send({ outcome: 'completed', postedFrom: '2020-05-18', postedUntil: '2020-05-19' })).status).toBe(200);
    await api.settle();
    const panel = await actOnWorklist(id, 'ward-approver', 'W01', 'officer-binh', async () => undefined);
    await panel.getByTestId('problem').waitFor();
    expect(await panel.getByTestId('problem-title').textContent()).toBe('Không được phép');
    expect(await panel.getByTestId('problem-detail').textContent()).toMatch(/cán bộ officer-binh đã thực hiện bước “Rà soát ở thôn, tổ dân phố” của hồ sơ này$/);
    await screenshot(page, '09-refusal');
  });

  it("confirms an alert on the inspectors' board with recovery ordered, and finds the person by citizen ID", async () => {
    // One person paid in W01 through the API, and as a poor household in W02 from a legacy list: rule F1.
    const citizenId = '020080077701';
    const submitted = await api.http.post('/applications').set(as('intake-officer')).send({
      programme: 'nq42-2020', category: '4',
      applicant: { citizenId, fullName: 'Lương Văn Tâm', dateOfBirth: '1979-02-01', ward: 'W01', address: 'Số 3 Phai Vệ, W01', phone: '0915550001' },
      claim: { months: ['2020-04', '2020-05', '2020-06'], occupation: 'porter', jobLostOn: '2020-04-01', monthlyIncome: 0 },
    });
    const paidId = submitted.body.id as string;
    for (const step of [
      () => api.http.post(`/applications/${paidId}/village-review`).set(as('village-reviewer')).send({ outcome: 'confirmed', minutesRef: 'BB-9' }),
      () => api.http.post(`/applications/${paidId}/steps/public-posting`).set(as('intake-officer')).send({ outcome: 'completed', postedFrom: '2020-05-18', postedUntil: '2020-05-19' }),
      () => api.http.post(`/applications/${paidId}/ward-approval`).set(as('ward-approver')).send({ decision: 'approved' }),
      () => api.http.post(`/applications/${paidId}/steps/district-appraisal`).set(as('district-appraiser', null)).send({ outcome: 'completed' }),
      () => api.http.post(`/applications/${paidId}/steps/provincial-decision`).set(as('province-approver', null)).send({ outcome: 'completed', decisionNo: '77/QĐ-UBND' }),
      () => api.http.post(`/applications/${paidId}/payment`).set(as('treasurer')).send({ amount: 3_000_000, method: 'cash', reference: 'PC-9' }),
    ]) expect((await step()).status).toBe(200);
    const legacyId = '9e000000-0000-4000-8000-0000000000c1';
    const applicant = anApplicant({ citizenId, ward: 'W02', address: 'Số 8 Tam Thanh, W02', phone: '0915550002' });
    await importLegacyEvents(api.app.get(EventStore), [{
      streamId: `support-application-${legacyId}`,
      events: paidInFull('7').map((event) => ({ type: event.type, data: { ...event.data, applicationId: legacyId, ...('applicant' in event.data ? { applicant } : {}) } })),
    }], { recordedAt: '2020-06-01T02:00:00.000Z' });
    await api.settle();

    await page.goto(`${base}/console/`);
    await devSignIn(page, 'inspector', '', 'inspector-thu');
    await page.getByTestId('nav-alerts').click();
    await page.getByTestId('alert-filters').locator('[name=rule]').selectOption('F1');
    const card = page.locator('[data-testid=alert][data-rule=F1]');
    await card.waitFor();
    expect(await card.getByTestId('legal-basis').textContent()).toContain('NQ 42/NQ-CP: mỗi người chỉ hưởng một mức hỗ trợ cao nhất');
    expect(await card.getByTestId('alert-application').evaluateAll((links) => links.map((link) => link.textContent))).toEqual([paidId, legacyId].sort());
    await screenshot(page, '10-alerts');

    // The filtered alerts as CSV, fetched with the session's token and saved by the browser.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('alerts-csv').click()]);
    expect(csv.suggestedFilename()).toBe('alerts.csv');
    const rows = (await readFile((await csv.path())!, 'utf8')).trim().split(/\r?\n/);
    expect(rows[0]).toBe('id,rule,severity,status,title,legal_basis,ward,wards,application_ids,evidence_positions,reasons,raised_at,updated_at');
    expect(rows.slice(1).every((row) => row.split(',')[1] === 'F1')).toBe(true);
    expect(rows.slice(1).some((row) => row.includes(paidId) && row.includes(legacyId))).toBe(true);

    await card.locator('[name=note]').fill('Đã đối chiếu danh sách hộ nghèo phường W02: cùng một người.');
    await card.locator('[name=orderRecovery]').check();
    await card.getByTestId('confirm-alert').click();
    await card.getByTestId('confirm-money').click();
    await card.getByTestId('alert-status').getByText('Đã xác nhận').waitFor();
    await card.getByTestId('resolution').getByText('Đã đối chiếu', { exact: false }).waitFor();
    await screenshot(page, '11-alert-confirmed');
    await api.settle();
    const recovered = await api.http.get(`/applications/${paidId}`).set(as('inspector', null));
    expect(recovered.body).toMatchObject({ status: 'recovery-ordered', recoveryOrderedAmount: 3_000_000 });

    // The application behind the alert, its evidence events highlighted in the timeline.
    await card.locator(`[data-testid=alert-application]:text("${paidId}")`).click();
    await page.locator('[data-testid=chain-status][data-state=verified]').waitFor();
    expect(await page.locator('[data-testid=timeline-event].highlight').count()).toBeGreaterThan(0);

    // The person across wards and categories: both applications and the payment.
    await page.getByTestId('nav-beneficiaries').click();
    await page.locator('[name=citizenId]').fill(citizenId);
    await page.locator('[name=citizenId]').press('Enter');
    await page.getByTestId('beneficiary').waitFor();
    expect(await page.getByTestId('beneficiary').locator('tbody tr').first().isVisible()).toBe(true);
    expect(await page.getByTestId('payments').textContent()).toContain('3.000.000 ₫');
    await screenshot(page, '12-beneficiary');
  });

  it("records the applicant's withdrawal from the case page: the reason is required, then the application is withdrawn", async () => {
    const id = await submitStreetVendor({ citizenId: '020080007711', fullName: 'Đỗ Văn Tâm', dateOfBirth: '1981-03-02', address: 'Tổ 5, W01' });
    await openCase(id, 'intake-officer', 'officer-lan');
    const panel = page.getByTestId('withdraw-panel');
    await panel.getByTestId('withdraw').click();
    await panel.getByTestId('error-reason').waitFor();
    expect((await api.http.get(`/applications/${id}`).set(as('auditor', null))).body.status).toBe('submitted');
    await panel.locator('[name=reason]').fill('Người dân xin rút: đã có việc làm lại từ tháng 5.');
    await panel.getByTestId('withdraw').click();
    expect(await page.getByTestId('action-done').textContent()).toContain('Đã rút');
    await api.settle();
    const history = await api.http.get(`/applications/${id}/history`).set(as('auditor', null));
    expect(history.body.events.at(-1)).toMatchObject({ type: 'SupportApplicationWithdrawn', data: { reason: 'Người dân xin rút: đã có việc làm lại từ tháng 5.' } });
  });

  it('approves some of the months claimed: the ward approver unticks one on the case page, the amount follows', async () => {
    const id = await submitStreetVendor({ citizenId: '020080007722', fullName: 'Phan Thị Mai', dateOfBirth: '1985-06-12', address: 'Tổ 6, W01' }, ['2020-04', '2020-05']);
    expect((await api.http.post(`/applications/${id}/village-review`).set(as('village-reviewer', 'W01', 'officer-binh')).send({ outcome: 'confirmed' })).status).toBe(200);
    expect((await api.http.post(`/applications/${id}/steps/public-posting`).set(as('intake-officer')).send({ outcome: 'completed', postedFrom: '2020-05-18', postedUntil: '2020-05-19' })).status).toBe(200);
    await openCase(id, 'ward-approver', 'approver-minh');
    const panel = page.getByTestId('action-panel');
    await panel.getByTestId('approved-months').waitFor();
    expect(await panel.locator('[name="approve-2020-04"]').isChecked()).toBe(true);
    await panel.locator('[name="approve-2020-05"]').uncheck();
    await panel.locator('button[type=submit]').click();
    await page.getByTestId('action-done').waitFor();
    await api.settle();
    const approved = await api.http.get(`/applications/${id}`).set(as('auditor', null));
    expect(approved.body).toMatchObject({ approvedMonths: ['2020-04'], approvedAmount: 1_000_000 });
  });

  it('counts overdue applications per awaited step on the ward dashboard (API)', async () => {
    const response = await api.http.get('/dashboards/wards/W01?asOf=2099-01-01').set(as('inspector', null));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ward: 'W01', asOf: '2099-01-01', overdueSteps: expect.any(Object) });
    expect(Object.values(response.body.overdueSteps as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect((await api.http.get('/dashboards/wards/W01?asOf=soon').set(as('inspector', null))).status).toBe(400);
  });
});
