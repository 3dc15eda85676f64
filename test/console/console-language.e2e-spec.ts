import type { BrowserContext, Page } from 'playwright-core';
import { BROWSER_TEST_TIMEOUT_MS, collectNotFound, devSignIn, newConsoleContext, screenshot, startConsoleTestBed, useLanguage, type ConsoleTestBed } from './console-browser';

/** Issue 14, item 1: the API's refusals and the programme's legal texts in the console's language, Vietnamese or English. */
describe('Web console: refusals and legal texts in the reader’s language', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);
  let bed: ConsoleTestBed;
  let context: BrowserContext;
  let page: Page;
  let notFound: string[];

  beforeAll(async () => {
    bed = await startConsoleTestBed('e2e_console_language');
  }, 120_000);

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

  it('shows intake’s field errors and the programme’s conditions as the API words them in the chosen language', async () => {
    await page.goto(`${bed.base}/console/`);
    await devSignIn(page, 'intake-officer', 'W01', 'officer-lan');
    await page.getByTestId('nav-intake').click();
    const form = page.getByTestId('intake-form');
    await form.locator('[name=category]').selectOption('4');
    await form.locator('[name="applicant.citizenId"]').fill('12345');
    await page.getByTestId('intake-submit').click();
    await form.getByTestId('error-applicant.citizenId').waitFor();
    expect(await form.getByTestId('error-applicant.citizenId').textContent()).toBe('phải là số CMND (9 chữ số) hoặc CCCD (12 chữ số)');
    expect(await form.getByTestId('error-applicant.fullName').textContent()).toBe('không được để trống');
    await screenshot(page, 'language-01-intake-errors-vi');

    await useLanguage(page, 'en');
    await page.getByTestId('intake-submit').click();
    await form.getByTestId('error-applicant.citizenId').getByText('must be a CMND (9 digits) or CCCD (12 digits)').waitFor();
    expect(await form.getByTestId('error-applicant.fullName').textContent()).toBe('is required');
    expect(await page.getByTestId('problem-title').textContent()).toBe('The request is not valid');

    // 422: the programme's own condition, in English, its date dd/mm/yyyy.
    await form.locator('[name="applicant.citizenId"]').fill('020080006677');
    await form.locator('[name="applicant.fullName"]').fill('Phan Văn Lộc');
    await form.locator('[name="applicant.dateOfBirth"]').fill('12/09/1982');
    await form.locator('[name="applicant.address"]').fill('Số 9 Lê Lợi, W01');
    await form.locator('[name="month-2020-04"]').check();
    await form.locator('[name="claim.occupation"]').selectOption('porter');
    await form.locator('[name="claim.jobLostOn"]').fill('01/08/2020');
    await form.locator('[name="claim.monthlyIncome"]').fill('0');
    await page.getByTestId('intake-submit').click();
    await form.getByTestId('error-claim.jobLostOn').getByText('The job must have been lost between 01/04/2020 and 30/06/2020').waitFor();
    expect(await page.getByTestId('problem-title').textContent()).toBe("The claim does not meet the programme's conditions");
    await screenshot(page, 'language-02-intake-condition-en');
    await useLanguage(page, 'vi');
    await page.getByTestId('intake-submit').click();
    await form.getByTestId('error-claim.jobLostOn').getByText('Phải mất việc làm trong khoảng từ 01/04/2020 đến 30/06/2020').waitFor();
    await screenshot(page, 'language-03-intake-condition-vi');
  });

  it('gives each step’s legal basis on the action panel in the chosen language', async () => {
    const submitted = await bed.api.http
      .post('/applications')
      .set({ Authorization: `Bearer ${bed.api.token('intake-officer', 'W01')}` })
      .send({
        programme: 'nq42-2020',
        category: '4',
        applicant: { citizenId: '020080006688', fullName: 'Lý Thị Mai', dateOfBirth: '1985-02-03', ward: 'W01', address: 'Số 3 Lê Lợi, W01' },
        claim: { months: ['2020-04'], occupation: 'street-vendor', jobLostOn: '2020-04-01', monthlyIncome: 0 },
      });
    expect(submitted.status).toBe(201);
    await bed.api.settle();
    await page.goto(`${bed.base}/console/`);
    await devSignIn(page, 'village-reviewer', 'W01', 'officer-binh');
    await page.locator(`[data-testid=worklist-row][data-id="${submitted.body.id}"]`).getByTestId('act').click();
    const basis = page.getByTestId('action-panel').getByTestId('step-legal-basis');
    await basis.waitFor();
    expect(await basis.textContent()).toBe('QĐ 15: UBND cấp xã rà soát, lập danh sách người lao động đủ điều kiện trong 05 ngày làm việc');
    await screenshot(page, 'language-04-action-panel-vi');
    await useLanguage(page, 'en');
    expect(await basis.textContent()).toBe('QĐ 15: the commune reviews and lists eligible workers within 5 working days');
    await screenshot(page, 'language-05-action-panel-en');
  });
});
