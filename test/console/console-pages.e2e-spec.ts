import type { BrowserContext, Page } from 'playwright-core';
import { submitted } from '@lib/testing';
import { BROWSER_TEST_TIMEOUT_MS, collectNotFound, devSignIn, newConsoleContext, screenshot, startConsoleTestBed, useLanguage, type ConsoleTestBed } from './console-browser';
import { importHistories, person, seedAlerts } from './console-seed';

/** Item by item of issue 14 on the console's pages: what an officer, an auditor and an inspector see. */
describe('Web console pages for officers, auditors and inspectors', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);
  let bed: ConsoleTestBed;
  let context: BrowserContext;
  let page: Page;
  let notFound: string[];
  const PAGED_WARD = 'W05';

  beforeAll(async () => {
    bed = await startConsoleTestBed('e2e_console_pages');
    await seedAlerts(bed.api);
    // More applications in one ward than a page shows.
    await importHistories(bed.api, Array.from({ length: 60 }, () => ({ applicant: person({ ward: PAGED_WARD }), events: [submitted('4')] })), '2020-05-18T02:00:00.000Z');
    await bed.api.settle();
  }, 120_000);

  afterAll(() => bed?.close());

  beforeEach(async () => {
    context = await newConsoleContext(bed.browser);
    page = await context.newPage();
    notFound = collectNotFound(page);
  });

  afterEach(async () => {
    await context?.close();
    // Every page asks for its icon; none may be missing.
    expect(notFound).toEqual([]);
  });

  /** The page's visible text (closed <details> and hidden inputs left out). */
  const visibleText = () => page.locator('main').innerText();

  it('names the applicant after intake, opens the case, and writes dates dd/mm/yyyy and months mm/yyyy', async () => {
    await page.goto(`${bed.base}/console/`);
    await devSignIn(page, 'intake-officer', 'W01', 'officer-lan');
    await page.getByTestId('nav-intake').click();
    const form = page.getByTestId('intake-form');
    // A ward takes in categories 1–7; an employer's loan (8) is filed at the district.
    expect(await form.locator('[name=category] option').evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value))).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    await form.locator('[name=category]').selectOption('4');
    expect(await form.locator('[data-field="claim.months"]').innerText()).toContain('04/2020');
    await form.locator('[name="applicant.citizenId"]').fill('020080004455');
    await form.locator('[name="applicant.fullName"]').fill('Đặng Thị Thu');
    await form.locator('[name="applicant.dateOfBirth"]').fill('12/09/1982');
    await form.locator('[name="applicant.address"]').fill('Số 5 Lê Lợi, W01');
    await form.locator('[name="month-2020-04"]').check();
    await form.locator('[name="claim.occupation"]').selectOption('street-vendor');
    await form.locator('[name="claim.jobLostOn"]').fill('01/04/2020');
    await form.locator('[name="claim.monthlyIncome"]').fill('0');
    await page.getByTestId('intake-submit').click();
    await page.getByTestId('intake-done').waitFor();
    expect(await page.getByTestId('intake-done-title').textContent()).toBe('Đã tiếp nhận hồ sơ của Đặng Thị Thu');
    expect(await page.getByTestId('created-link').textContent()).toBe('Mở hồ sơ của Đặng Thị Thu');
    await screenshot(page, 'pages-01-intake-done-vi');
    await useLanguage(page, 'en');
    expect(await page.getByTestId('intake-done-title').textContent()).toBe("Đặng Thị Thu's application is submitted");
    await screenshot(page, 'pages-02-intake-done-en');
    await useLanguage(page, 'vi');

    await page.getByTestId('created-link').click();
    await page.getByTestId('case-name').getByText('Đặng Thị Thu').waitFor();
    const id = decodeURIComponent(page.url().split('/applications/')[1]);
    const history = await bed.api.http.get(`/applications/${id}/history`).set({ Authorization: `Bearer ${bed.api.token('auditor', null)}` });
    expect(history.body.events[0].data.applicant.dateOfBirth).toBe('1982-09-12');
    expect(history.body.events[0].data.claim.jobLostOn).toBe('2020-04-01');

    // A posted and partly approved application: posting dates and months in the timeline.
    const as = (role: Parameters<ConsoleTestBed['api']['token']>[0], ward: string | null = 'W01', sub?: string) => ({ Authorization: `Bearer ${bed.api.token(role, ward, sub)}` });
    expect((await bed.api.http.post(`/applications/${id}/village-review`).set(as('village-reviewer', 'W01', 'reviewer-hoa')).send({ outcome: 'confirmed' })).status).toBe(200);
    expect((await bed.api.http.post(`/applications/${id}/steps/public-posting`).set(as('intake-officer', 'W01', 'officer-lan')).send({ outcome: 'completed', postedFrom: '2020-05-18', postedUntil: '2020-05-19' })).status).toBe(200);
    expect((await bed.api.http.post(`/applications/${id}/ward-approval`).set(as('ward-approver', 'W01', 'approver-minh')).send({ decision: 'approved' })).status).toBe(200);
    await bed.api.settle();
    await page.reload();
    await page.locator('[data-testid=chain-status][data-state=verified]').waitFor();
    const text = await visibleText();
    expect(text).toContain('18/05/2020 → 19/05/2020');
    expect(text).toContain('04/2020');
    expect(text).not.toMatch(/\b\d{4}-\d{2}(-\d{2})?\b/);
    await screenshot(page, 'pages-03-case-formats');
  });

  it('returns to a case link opened while signed out, once signed in', async () => {
    const [id] = await importHistories(bed.api, [{ applicant: person({ ward: 'W01', fullName: 'Vũ Văn Khoa' }), events: [submitted('4')] }], '2020-05-18T02:00:00.000Z');
    await bed.api.settle();
    await page.goto(`${bed.base}/console/#/applications/${id}`);
    await page.getByTestId('dev-sign-in').locator('[name=role]').waitFor();
    await devSignIn(page, 'ward-approver', 'W01', 'approver-minh');
    await page.getByTestId('case-name').getByText('Vũ Văn Khoa').waitFor();
    expect(page.url()).toContain(`#/applications/${id}`);
  });

  it("pages the inspector's worklist of every ward and filters it with the API", async () => {
    await page.goto(`${bed.base}/console/`);
    await devSignIn(page, 'inspector', '', 'inspector-thu');
    const rows = page.getByTestId('worklist-row');
    await page.getByTestId('worklist-pager').waitFor();
    expect(await rows.count()).toBe(50);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { body: { scrollHeight: number } } }).document.body.scrollHeight)).toBeLessThan(4000);
    await screenshot(page, 'pages-04-worklist-all-wards');
    await page.getByTestId('page-next').click();
    await page.getByTestId('page-number').getByText('Trang 2').waitFor();

    const filters = page.getByTestId('worklist-filters');
    await filters.locator('[name=ward]').fill(PAGED_WARD);
    await filters.locator('[name=ward]').press('Enter');
    await page.getByTestId('page-number').getByText('Trang 1').waitFor();
    await page.locator('.chips').getByText('Đã tiếp nhận 60').waitFor();
    await page.getByTestId('page-next').click();
    await page.getByTestId('page-number').getByText('Trang 2').waitFor();
    await rows.first().waitFor();
    expect(await rows.count()).toBe(10);
    await filters.locator('[name=category]').selectOption('7');
    await page.getByText('Không có hồ sơ nào.').waitFor();
    expect(await page.getByTestId('worklist-pager').count()).toBe(0);
  });

  it("gives the auditor the case list, the dashboards and an officer's activity per day", async () => {
    await page.goto(`${bed.base}/console/`);
    await devSignIn(page, 'auditor', '', 'auditor-thao');
    const menu = await page.locator('header nav a').evaluateAll((links) => links.map((link) => (link as unknown as { dataset: { testid: string } }).dataset.testid));
    expect(menu).toEqual(['nav-worklist', 'nav-reconciliation', 'nav-applications', 'nav-alerts', 'nav-beneficiaries', 'nav-activity', 'nav-dashboard']);
    await page.getByTestId('worklist').waitFor();
    expect(await page.getByTestId('act').count()).toBe(0);

    await page.getByTestId('nav-dashboard').click();
    await page.locator('[name=ward]').fill('W03');
    await page.locator('[name=ward]').press('Enter');
    await page.getByTestId('chart-status').waitFor();
    // The default ward's dashboard (W01) shows until W03's answer replaces it: wait for W03's two categories.
    await page.locator('.category-block .bar-approved').nth(1).waitFor();
    // One scale across categories: 4,000,000 approved in category 4 is 4/6.75 of category 7's bar.
    const widths = await page.locator('.category-block .bar-approved').evaluateAll((bars) => bars.map((bar) => (bar as unknown as { getBoundingClientRect: () => { width: number } }).getBoundingClientRect().width));
    expect(widths).toHaveLength(2);
    expect(widths[0] / widths[1]).toBeCloseTo(4 / 6.75, 1);
    // Nothing recovered: no bar at all, not a red sliver.
    expect(await page.locator('.category-block .bar-recovered').count()).toBe(0);
    await screenshot(page, 'pages-05-dashboard-vi');
    await useLanguage(page, 'en');
    await screenshot(page, 'pages-06-dashboard-en');
    await useLanguage(page, 'vi');

    await page.getByTestId('nav-activity').click();
    await page.getByTestId('activity-form').locator('[name=officerId]').fill('treasurer-mai');
    await page.getByTestId('activity-form').locator('[name=from]').fill('01/05/2020');
    await page.getByTestId('activity-form').locator('[name=to]').fill('30/06/2020');
    await page.getByTestId('activity-form').locator('[name=to]').press('Enter');
    await page.getByTestId('activity').waitFor();
    const activity = await page.getByTestId('activity').innerText();
    expect(activity).toMatch(/\d{2}\/\d{2}\/2020/);
    expect(activity).toContain('Chi trả');
    expect(activity).toContain('8.750.000 ₫');
    await screenshot(page, 'pages-07-activity-vi');
    await useLanguage(page, 'en');
    expect(await page.getByTestId('activity').innerText()).toContain('Paid');
    await screenshot(page, 'pages-08-activity-en');
  });

  it('titles a refusal in the reader\'s language and shows no raw code', async () => {
    await page.goto(`${bed.base}/console/`);
    await devSignIn(page, 'intake-officer', 'W01', 'officer-lan');
    await page.getByTestId('nav-intake').click();
    await page.getByTestId('intake-submit').click();
    const problem = page.getByTestId('problem');
    await problem.waitFor();
    expect(await page.getByTestId('problem-title').textContent()).toBe('Yêu cầu không hợp lệ');
    expect(await problem.innerText()).not.toMatch(/validation-failed|\b400\b/);
    await useLanguage(page, 'en');
    expect(await page.getByTestId('problem-title').textContent()).toBe('The request is not valid');
    expect(await problem.innerText()).not.toMatch(/validation-failed|\b400\b/);
  });
});
