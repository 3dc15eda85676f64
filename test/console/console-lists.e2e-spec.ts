import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { paidInFull } from '@lib/testing';
import { BROWSER_TEST_TIMEOUT_MS, axeViolations, devSignIn, newConsoleContext, screenshot, startConsoleTestBed, useLanguage, type AxeViolation, type ConsoleTestBed } from './console-browser';
import { importHistories, person } from './console-seed';

const HEADER = 'STT;Họ và tên;Ngày, tháng, năm sinh;Số CMND/CCCD;Nơi ở hiện tại;Tháng đề nghị hỗ trợ;Công việc;Ngày mất việc;Thu nhập hằng tháng (đồng)';
const PEOPLE = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'];
const importCsv = () =>
  Buffer.from(
    [
      HEADER,
      ...PEOPLE.map((name, i) => `${i + 1};${name};02/02/198${i};00108200070${i};Tổ ${i + 1}, W01;04/2020;porter;01/04/2020;0`),
      '4;Phạm Thị Dung;09/09/1990;123;Tổ 6;04/2020;porter;01/04/2020;0',
    ].join('\n'),
  );

/**
 * The pages of a list's life in the browser, as the officers use them: an import with its progress
 * and per-row report, a list compiled, reviewed with an exclusion and acted on (a refused act
 * first, naming the application), the returned payment list and the reconciliation; each page in
 * Vietnamese and English with no serious axe violation.
 */
describe('Web console: imports, lists, payments back, reconciliation', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT_MS * 2);
  let bed: ConsoleTestBed;
  let context: BrowserContext;
  let page: Page;
  const found: Record<string, AxeViolation[]> = {};

  beforeAll(async () => {
    bed = await startConsoleTestBed('e2e_console_lists');
  }, 120_000);
  afterAll(() => bed?.close());
  beforeEach(async () => {
    context = await newConsoleContext(bed.browser);
    page = await context.newPage();
    await page.goto(`${bed.base}/console/`);
  });
  afterEach(async () => {
    await context?.close();
  });

  const as = (role: string, ward: string | null, sub?: string) => ({ Authorization: `Bearer ${bed.api.token(role as never, ward, sub)}` });
  /** The page in both languages, screenshots taken; ends in `end`. */
  const check = async (name: string, end: 'vi' | 'en' = 'vi') => {
    for (const lang of end === 'vi' ? (['en', 'vi'] as const) : (['vi', 'en'] as const)) {
      await useLanguage(page, lang);
      await screenshot(page, `lists-${name}-${lang}`);
      const violations = await axeViolations(page);
      if (violations.length > 0) found[`${name} (${lang})`] = violations;
    }
  };
  const downloaded = async (click: () => Promise<void>): Promise<Download> => {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    return file;
  };

  it('imports a file with a progress bar, shows the per-row report and serves the template and report', async () => {
    await devSignIn(page, 'intake-officer', 'W01', 'officer-lan');
    await page.getByTestId('nav-imports').click();
    const form = page.getByTestId('import-form');
    await form.locator('[name=category]').selectOption('4');
    await check('imports-form');

    const template = await downloaded(() => page.getByTestId('import-template').click());
    expect(template.suggestedFilename()).toBe('template-nq42-2020-4.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await template.path())!) as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet('Danh sách')).toBeDefined();

    await form.locator('[name=receivedOn]').fill('10/05/2020');
    await form.locator('[name=file]').setInputFiles({ name: 'danh-sach.csv', mimeType: 'text/csv', buffer: importCsv() });
    // The upload is held until the bar is on the screen, so it is seen whatever the machine's speed.
    let progressId = '';
    let barShown!: () => void;
    const shown = new Promise<void>((resolve) => (barShown = resolve));
    await page.route('**/imports?progress=*', async (route) => {
      progressId = new URL(route.request().url()).searchParams.get('progress') ?? '';
      await shown;
      await route.continue();
    });
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-progress').waitFor();
    await screenshot(page, 'lists-imports-progress-vi');
    barShown();

    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await page.getByTestId('import-progress').count()).toBe(0);
    expect(await page.getByTestId('import-accepted').innerText()).toBe('3 hồ sơ được tiếp nhận');
    expect(await page.getByTestId('import-refused').innerText()).toBe('1 dòng bị từ chối');
    expect(await result.innerText()).toContain('10/05/2020');
    const reportRows = await page.getByTestId('import-report').locator('tbody tr').allInnerTexts();
    expect(reportRows).toHaveLength(1);
    expect(reportRows[0]).toContain('Số CMND/CCCD');
    expect(reportRows[0]).toMatch(/^5\t/);
    expect(reportRows[0]).toContain('phải là số CMND (9 chữ số) hoặc CCCD (12 chữ số)');
    // The server counted the rows it decided under the id the console chose.
    expect(progressId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const progress = await bed.api.http.get(`/imports/progress/${progressId}`).set(as('intake-officer', 'W01', 'officer-lan'));
    expect(progress.body).toEqual({ phase: 'done', done: 4, total: 4 });

    const report = await downloaded(() => page.getByTestId('import-report-xlsx').click());
    expect(report.suggestedFilename()).toMatch(/^import-.*-report\.xlsx$/);
    await check('imports-result', 'en');
    expect(await page.getByTestId('import-accepted').innerText()).toBe('Applications received: 3');
    await page.getByTestId('import-report').getByText('must be a CMND (9 digits) or CCCD (12 digits)').waitFor();

    // A file without the template's columns: refused whole, the missing columns named.
    await useLanguage(page, 'vi');
    await form.locator('[name=file]').setInputFiles({ name: 'sai.csv', mimeType: 'text/csv', buffer: Buffer.from('Name;ID\nAn;001080000001\n') });
    await page.getByTestId('import-submit').click();
    await page.getByTestId('problem').waitFor();
    expect(await page.getByTestId('problem').innerText()).toContain('Họ và tên');
    expect(found).toEqual({});
  });

  it('compiles a list, shows a refused act by name, then acts with an exclusion and its reason after a confirmation with count and total', async () => {
    const ward = 'W02';
    const ids: string[] = [];
    const names = ['Đỗ Văn Em', 'Hoàng Thị Giang', 'Vũ Văn Hải'];
    for (const [i, fullName] of names.entries()) {
      const applicant = { citizenId: `00208200080${i}`, fullName, dateOfBirth: '1980-02-02', ward, address: `Tổ ${i + 1}, ${ward}` };
      const claim = { months: ['2020-04'], occupation: 'porter', jobLostOn: '2020-04-01', monthlyIncome: 0 };
      const submitted = await bed.api.http.post('/applications').set(as('intake-officer', ward)).send({ programme: 'nq42-2020', category: '4', applicant, claim });
      expect(submitted.status).toBe(201);
      const id = submitted.body.id as string;
      expect((await bed.api.http.post(`/applications/${id}/village-review`).set(as('village-reviewer', ward)).send({ outcome: 'confirmed' })).status).toBe(200);
      const posting = { outcome: 'completed', reference: 'Bảng tin', postedFrom: '2020-05-18', postedUntil: '2020-05-20' };
      expect((await bed.api.http.post(`/applications/${id}/steps/public-posting`).set(as('intake-officer', ward)).send(posting)).status).toBe(200);
      ids.push(id);
    }
    await bed.api.settle();

    await devSignIn(page, 'ward-approver', ward, 'approver-minh');
    await page.getByTestId('nav-lists').click();
    const compile = page.getByTestId('compile-list');
    await compile.locator('[name=category]').selectOption('4');
    expect(await compile.locator('[name=step] option').allInnerTexts()).toHaveLength(1);
    await check('lists-compile');
    await page.getByTestId('compile-submit').click();
    const review = page.getByTestId('list-review');
    await review.waitFor();
    await page.getByTestId('list-row').nth(2).waitFor();
    expect(await page.getByTestId('list-row').count()).toBe(3);

    // Meanwhile the last one is approved on its own: the list's act is refused whole, naming her.
    expect((await bed.api.http.post(`/applications/${ids[2]}/ward-approval`).set(as('ward-approver', ward)).send({ decision: 'approved' })).status).toBe(200);
    await page.getByTestId('list-act').click();
    await page.getByTestId('list-confirm').waitFor();
    expect(await page.getByTestId('list-confirm').innerText()).toContain('3 hồ sơ');
    await page.getByTestId('confirm-money').click();
    await page.getByTestId('list-refusals').waitFor();
    expect(await page.getByTestId('list-refusal').allInnerTexts()).toEqual([expect.stringContaining(names[2])]);
    await check('lists-refused');

    // A new list of what still awaits: two; one left off with its reason.
    await page.getByRole('link', { name: 'Lập danh sách khác' }).click();
    await page.getByTestId('compile-list').locator('[name=category]').selectOption('4');
    await page.getByTestId('compile-submit').click();
    await page.getByTestId('list-row').nth(1).waitFor();
    expect(await page.getByTestId('list-row').count()).toBe(2);
    const rows = page.getByTestId('list-row');
    const second = rows.filter({ hasText: names[1] });
    await second.getByTestId('exclude').check();
    expect(await page.getByTestId('list-act').isDisabled()).toBe(true);
    await second.getByTestId('exclude-reason').fill('Đã có việc làm trở lại từ tháng 4/2020');
    await review.locator('[name=reference]').fill('BB-15/2020');
    const total = (await rows.filter({ hasText: names[0] }).locator('td').nth(2).innerText()).trim();
    await page.getByTestId('list-act').click();
    const confirm = page.getByTestId('list-confirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(`1 hồ sơ, tổng số tiền ${total}?`);
    await check('lists-confirm');
    await page.getByTestId('confirm-money').click();
    await page.getByTestId('list-acted').waitFor();
    expect(await page.getByTestId('list-acted').innerText()).toBe('Đã xử lý: 1 hồ sơ qua bước này, 1 hồ sơ bị loại.');
    expect(await page.getByTestId('list-review').getAttribute('data-status')).toBe('completed');
    await page.locator('[data-testid=list-row][data-excluded=true]').filter({ hasText: 'Từ chối' }).waitFor();
    expect(await page.locator('[data-testid=list-row][data-excluded=true]').innerText()).toContain('Đã có việc làm trở lại từ tháng 4/2020');
    const xlsx = await downloaded(() => page.getByTestId('list-xlsx').click());
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const pdf = await downloaded(() => page.getByTestId('list-pdf').click());
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    await check('lists-done');
    const excluded = (await bed.api.http.get(`/applications/${ids[1]}`).set(as('ward-approver', ward))).body;
    expect(excluded.status).toBe('rejected');
    expect(found).toEqual({});
  });

  it('records a returned payment list as matched, mismatched and unknown rows, and shows the reconciliation to the treasurer and, read only, an auditor', async () => {
    const ward = 'W07';
    const approvedOnly = paidInFull('4').slice(0, -1);
    const ids = await importHistories(bed.api, [0, 1, 2].map(() => ({ applicant: person({ ward }), events: approvedOnly })), '2020-06-01T02:00:00.000Z');
    await bed.api.settle();
    const due = (await bed.api.http.get(`/applications/${ids[0]}`).set(as('treasurer', ward))).body.approvedAmount as number;
    expect(due).toBeGreaterThan(0);
    const returned = Buffer.from(
      ['Mã hồ sơ;Số tiền;Ngày chi trả;Số chứng từ', `${ids[0]};${due};05/06/2020;BĐ-001`, `${ids[1]};${due - 500_000};05/06/2020;BĐ-002`, `00000000-0000-4000-8000-000000000000;${due};05/06/2020;BĐ-003`].join('\n'),
    );

    await devSignIn(page, 'treasurer', ward, 'treasurer-ha');
    await page.getByTestId('nav-payments-back').click();
    await check('payments-form');
    await page.getByTestId('payments-form').locator('[name=file]').setInputFiles({ name: 'tra-ve.csv', mimeType: 'text/csv', buffer: returned });
    await page.getByTestId('payments-submit').click();
    await page.getByTestId('payments-result').waitFor();
    expect(await page.getByTestId('payments-matched').innerText()).toBe('1 dòng khớp, đã ghi nhận chi trả');
    expect(await page.getByTestId('payments-mismatched').innerText()).toBe('1 dòng lệch số tiền');
    expect(await page.getByTestId('payments-unknown').innerText()).toBe('1 dòng không xác định được');
    const money = (amount: number) => `${new Intl.NumberFormat('vi-VN').format(amount)} ₫`;
    expect(await page.getByTestId('payments-mismatches').locator('tbody tr').allInnerTexts()).toEqual([expect.stringContaining(money(due - 500_000))]);
    expect(await page.getByTestId('payments-unknown-rows').locator('tbody tr').allInnerTexts()).toEqual([expect.stringContaining('không có hồ sơ này')]);
    await check('payments-result');

    await bed.api.settle();
    await page.getByTestId('nav-reconciliation').click();
    await page.getByTestId('reconciliation').waitFor();
    const line = (name: string) => page.getByTestId(`reconciliation-${name}`).innerText();
    expect(await line('approved')).toBe(`Đã phê duyệt\t3\t${money(3 * due)}`);
    expect(await line('paid')).toBe(`Đã chi trả\t1\t${money(due)}`);
    expect(await line('unpaid')).toBe(`Chưa chi trả\t2\t${money(2 * due)}`);
    expect(await line('mismatched')).toBe(`Lệch số tiền (chưa chi trả)\t1\t${money(due)}`);
    await check('reconciliation-treasurer');

    await devSignIn(page, 'auditor', '', 'auditor-quan');
    expect(await page.getByTestId('nav-payments-back').count()).toBe(0);
    await page.getByTestId('nav-reconciliation').click();
    await page.locator('[name=ward]').fill(ward);
    await page.locator('[name=ward]').press('Enter');
    await page.getByTestId('reconciliation').waitFor();
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector: (s: string) => { textContent: string } | null } }).document.querySelector('h2')?.textContent?.includes('W07'));
    expect(await line('paid')).toBe(`Đã chi trả\t1\t${money(due)}`);
    await check('reconciliation-auditor');
    expect(found).toEqual({});
  });
});
