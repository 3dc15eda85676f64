import type { BrowserContext, Page } from 'playwright-core';
import { BROWSER_TEST_TIMEOUT_MS, collectNotFound, devSignIn, newConsoleContext, screenshot, startConsoleTestBed, useLanguage, type ConsoleTestBed } from './console-browser';

/** Issue 14, item 7: the ward dashboard shows money ordered back beside money recovered, on one scale. */
describe('Web console: the ward dashboard’s amounts ordered back', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);
  let bed: ConsoleTestBed;
  let context: BrowserContext;
  let page: Page;
  let notFound: string[];
  const WARD = 'W08';

  beforeAll(async () => {
    bed = await startConsoleTestBed('e2e_console_dashboard_recovery');
    const as = (role: Parameters<ConsoleTestBed['api']['token']>[0], ward: string | null = WARD, sub?: string) => ({ Authorization: `Bearer ${bed.api.token(role, ward, sub)}` });
    const submitted = await bed.api.http.post('/applications').set(as('intake-officer', WARD, 'officer-intake')).send({
      programme: 'nq42-2020',
      category: '4',
      applicant: { citizenId: '020080007799', fullName: 'Tạ Văn Hùng', dateOfBirth: '1979-05-06', ward: WARD, address: `Tổ 2, ${WARD}` },
      claim: { months: ['2020-04', '2020-05'], occupation: 'street-vendor', jobLostOn: '2020-04-01', monthlyIncome: 0 },
    });
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;
    const steps = [
      () => bed.api.http.post(`/applications/${id}/village-review`).set(as('village-reviewer', WARD, 'officer-review')).send({ outcome: 'confirmed' }),
      () => bed.api.http.post(`/applications/${id}/steps/public-posting`).set(as('intake-officer', WARD, 'officer-post')).send({ outcome: 'completed', postedFrom: '2020-05-18', postedUntil: '2020-05-19' }),
      () => bed.api.http.post(`/applications/${id}/ward-approval`).set(as('ward-approver', WARD, 'officer-approve')).send({ decision: 'approved' }),
      () => bed.api.http.post(`/applications/${id}/steps/district-appraisal`).set(as('district-appraiser', null)).send({ outcome: 'completed', reference: 'TĐ-1' }),
      () => bed.api.http.post(`/applications/${id}/steps/provincial-decision`).set(as('province-approver', null)).send({ outcome: 'completed', decisionNo: '1/QĐ-UBND' }),
      () => bed.api.http.post(`/applications/${id}/payment`).set(as('treasurer', WARD, 'officer-pay')).send({ amount: 2_000_000, method: 'cash', reference: 'PC-1' }),
      () => bed.api.http.post(`/applications/${id}/recovery`).set(as('inspector', null)).send({ action: 'ordered', amount: 2_000_000, reason: 'không đủ điều kiện' }),
    ];
    for (const step of steps) expect((await step()).status).toBe(200);
    await bed.api.settle();
  }, 180_000);

  afterAll(() => bed?.close());

  beforeEach(async () => {
    context = await newConsoleContext(bed.browser);
    page = await context.newPage();
    notFound = collectNotFound(page);
  });

  afterEach(async () => {
    await context?.close();
    expect(notFound).toEqual([]);
  });

  it('draws the amount ordered back as its own bar, as long as the amount paid, and totals it; nothing recovered draws nothing', async () => {
    await page.goto(`${bed.base}/console/`);
    await devSignIn(page, 'ward-approver', WARD, 'officer-approve');
    await page.getByTestId('nav-dashboard').click();
    const totals = page.getByTestId('totals');
    await totals.waitFor();
    expect(await totals.innerText()).toMatch(/Quyết định thu hồi 2\.000\.000/);
    const width = (selector: string) => page.locator(`.category-block ${selector}`).evaluate((bar) => (bar as unknown as { getBoundingClientRect: () => { width: number } }).getBoundingClientRect().width);
    expect(Math.abs((await width('.bar-recovery-ordered')) - (await width('.bar-paid')))).toBeLessThan(1);
    expect(await page.locator('.category-block .bar-recovered').count()).toBe(0);
    await screenshot(page, 'dashboard-recovery-vi');
    await useLanguage(page, 'en');
    expect(await totals.innerText()).toMatch(/Recovery ordered 2[.,]000[.,]000/);
    await screenshot(page, 'dashboard-recovery-en');
  });
});
