import type { BrowserContext, Page } from 'playwright-core';
import { paidInFull, submitted } from '@lib/testing';
import { BROWSER_TEST_TIMEOUT_MS, axeViolations, collectNotFound, devSignIn, newConsoleContext, screenshot, startConsoleTestBed, useLanguage, type ConsoleTestBed } from './console-browser';
import { importHistories, person } from './console-seed';

const NAM = { fullName: 'Hoàng Văn Nam', dateOfBirth: '1982-09-12', ward: 'W01', address: 'Số 12 Lê Lợi, W01', phone: '0912345678' };

/** Issue 14 items 2 and 5: find anyone by ID, phone or name; the same person warned of at intake and on the case. */
describe('Web console: finding people and the same person under two IDs', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);
  let bed: ConsoleTestBed;
  let context: BrowserContext;
  let page: Page;
  let notFound: string[];
  let paidCmnd: string;
  let lanInW02: string;
  let paidTwice: string[];

  beforeAll(async () => {
    bed = await startConsoleTestBed('e2e_console_identity');
    [paidCmnd] = await importHistories(bed.api, [{ applicant: person({ ...NAM, citizenId: '082123456' }), events: paidInFull('4') }], '2020-06-01T02:00:00.000Z');
    [lanInW02] = await importHistories(bed.api, [{ applicant: person({ citizenId: '020085007777', fullName: 'Nguyễn Thị Lan', dateOfBirth: '1985-01-20', ward: 'W02', address: 'Số 4 Tam Thanh, W02', phone: '0987654321' }), events: [submitted('4')] }], '2020-05-20T02:00:00.000Z');
    const twice = person({ citizenId: '020070004444', fullName: 'Lò Văn Pọm', dateOfBirth: '1970-07-07', ward: 'W03', address: 'Số 9 Bà Triệu, W03' });
    paidTwice = await importHistories(bed.api, [{ applicant: twice, events: paidInFull('7') }, { applicant: twice, events: paidInFull('4') }], '2020-06-02T02:00:00.000Z');
    // Fifteen IDs under one name, birthday, address and phone: 105 pairs, more than an alert lists.
    const ring = { fullName: 'Trịnh Văn Vòng', dateOfBirth: '1975-05-05', ward: 'W04', address: 'Số 1 Nguyễn Du, W04', phone: '0977111222' };
    await importHistories(bed.api, Array.from({ length: 15 }, (_, n) => ({ applicant: person({ ...ring, citizenId: `0200750${String(n).padStart(5, '0')}` }), events: [submitted('4')] })), '2020-05-21T02:00:00.000Z');
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
    expect(notFound).toEqual([]);
  });

  const expectAccessible = async () => expect(await axeViolations(page)).toEqual([]);
  /** Searches and waits for the list that answers this search (not the one before it). */
  const search = async (q: string) => {
    await page.getByTestId('search-q').fill(q);
    await page.getByTestId('search-submit').click();
    await page.locator(`[data-testid=worklist-results][data-answered="${q.trim()}"]`).waitFor();
  };
  const rowIds = () => page.getByTestId('worklist-row').evaluateAll((rows) => rows.map((row) => (row as unknown as { dataset: { id: string } }).dataset.id));

  it('warns at intake that the person was paid under a CMND, links the other application, and shows it on the case', async () => {
    await page.goto(`${bed.base}/console/`);
    await devSignIn(page, 'intake-officer', 'W01', 'officer-lan');
    await page.getByTestId('nav-intake').click();
    const form = page.getByTestId('intake-form');
    await form.locator('[name=category]').selectOption('4');
    await form.locator('[name="applicant.citizenId"]').fill('020082001234');
    await form.locator('[name="applicant.fullName"]').fill('HOANG VAN NAM');
    await form.locator('[name="applicant.dateOfBirth"]').fill('12/09/1982');
    await form.locator('[name="applicant.address"]').fill('Số 12 Lê Lợi, W01');
    await form.locator('[name="month-2020-06"]').check();
    await form.locator('[name="claim.occupation"]').selectOption('porter');
    await form.locator('[name="claim.jobLostOn"]').fill('01/06/2020');
    await form.locator('[name="claim.monthlyIncome"]').fill('0');
    await page.getByTestId('intake-submit').click();
    await page.getByTestId('intake-done').waitFor();
    const warning = page.getByTestId('warning-probable-same-person');
    expect(await warning.innerText()).toContain('Có thể là cùng một người với số giấy tờ khác');
    expect(await warning.innerText()).toContain('một CMND 9 số và một CCCD 12 số');
    expect(await warning.getByTestId('warning-link').getAttribute('data-id')).toBe(paidCmnd);
    await screenshot(page, 'identity-01-intake-warning-vi');
    await expectAccessible();
    await useLanguage(page, 'en');
    expect(await warning.innerText()).toContain('Probably the same person under another ID number');
    expect(await warning.innerText()).toContain('a 9-digit CMND and a 12-digit CCCD');
    await screenshot(page, 'identity-02-intake-warning-en');
    await expectAccessible();

    const created = await page.getByTestId('created-link').getAttribute('data-id');
    await warning.getByTestId('warning-link').click();
    await page.getByTestId('warnings').waitFor();
    expect(page.url()).toContain(paidCmnd);
    expect(await page.getByTestId('warning-probable-same-person').getByTestId('warning-link').getAttribute('data-id')).toBe(created);
    await screenshot(page, 'identity-03-case-warning-en');
    await useLanguage(page, 'vi');
    expect(await page.getByTestId('warnings').innerText()).toContain('Lưu ý trước khi xét duyệt');
    await screenshot(page, 'identity-04-case-warning-vi');
    await expectAccessible();
  });

  it('finds people on the case list by name without diacritics, ID or phone, only in the officer’s ward', async () => {
    await page.goto(`${bed.base}/console/`);
    await devSignIn(page, 'ward-approver', 'W01', 'approver-minh');
    await page.getByTestId('nav-worklist').click();
    await search('hoang van nam');
    expect(await rowIds()).toContain(paidCmnd);
    await screenshot(page, 'identity-05-search-vi');
    await expectAccessible();
    await search('０９１２ ３４５ ６７８');
    expect(await rowIds()).toEqual([paidCmnd]);
    await search('nguyen thi lan');
    expect(await rowIds()).toEqual([]);
    expect(await page.getByTestId('no-applications').innerText()).toContain('Không tìm thấy hồ sơ nào cho');
    await useLanguage(page, 'en');
    expect(await page.getByTestId('no-applications').innerText()).toContain('No applications found for');
    await screenshot(page, 'identity-06-search-none-en');
    await page.getByTestId('search-clear').click();
    await page.locator('[data-testid=worklist-results][data-answered=""]').waitFor();
    expect((await rowIds()).length).toBeGreaterThan(0);
  });

  it('gives the auditor the case list with its search, and the dashboards', async () => {
    await page.goto(`${bed.base}/console/`);
    await devSignIn(page, 'auditor', null, 'auditor-thao');
    expect(await page.getByTestId('nav-worklist').count()).toBe(1);
    expect(await page.getByTestId('nav-dashboard').count()).toBe(1);
    await page.getByTestId('nav-worklist').click();
    await search('Nguyễn Thị LAN');
    expect(await rowIds()).toEqual([lanInW02]);
    await screenshot(page, 'identity-07-auditor-search-vi');
    await useLanguage(page, 'en');
    await screenshot(page, 'identity-08-auditor-search-en');
    await expectAccessible();
    await page.getByTestId('nav-dashboard').click();
    await page.locator('main h2').getByText('Ward dashboard').waitFor();
    await screenshot(page, 'identity-09-auditor-dashboard-en');
  });

  it('lets the inspector order back only the applications chosen', async () => {
    await page.goto(`${bed.base}/console/`);
    await devSignIn(page, 'inspector', null, 'inspector-khanh');
    await page.getByTestId('nav-alerts').click();
    await page.getByTestId('alert-filters').locator('[name=rule]').selectOption('F1');
    const card = page.locator('[data-testid=alert][data-rule=F1]').first();
    await card.waitFor();
    await card.locator('[name=note]').fill('Nhóm 4 là khoản hưởng sai.');
    await card.locator('[name=orderRecovery]').check();
    const choice = card.getByTestId('recovery-choice');
    await choice.waitFor();
    await choice.locator(`[name="recoverFrom-${paidTwice[0]}"]`).uncheck();
    expect(await choice.locator(`[name="recoverFrom-${paidTwice[1]}"]`).isDisabled()).toBe(true);
    expect(await card.getByTestId('recovery-offer').textContent()).toBe('Đồng thời ra quyết định thu hồi 2.000.000 ₫ đã chi (1 hồ sơ)');
    await screenshot(page, 'identity-10-recovery-choice-vi');
    await expectAccessible();
    await useLanguage(page, 'en');
    await screenshot(page, 'identity-11-recovery-choice-en');
    await card.getByTestId('confirm-alert').click();
    const ask = card.getByTestId('confirm-step');
    expect(await ask.getByTestId('recovery-list').locator('li').count()).toBe(1);
    await card.getByTestId('confirm-money').click();
    await card.getByTestId('recovery-ordered').first().waitFor();
    await bed.api.settle();
    const amountOf = async (id: string) => (await bed.api.http.get(`/applications/${id}`).set({ Authorization: `Bearer ${bed.api.token('inspector', null)}` })).body.recoveryOrderedAmount;
    expect(await amountOf(paidTwice[0])).toBe(0);
    expect(await amountOf(paidTwice[1])).toBe(2_000_000);
  });

  it('shows F20 to the inspector from its structured evidence: the two documents, what agreed, the score', async () => {
    await page.goto(`${bed.base}/console/`);
    await devSignIn(page, 'inspector', null, 'inspector-khanh');
    await page.getByTestId('nav-alerts').click();
    await page.getByTestId('alert-filters').locator('[name=rule]').selectOption('F20');
    const pairs = page.locator('[data-testid=alert][data-rule=F20]').first().getByTestId('identity-pairs');
    await pairs.waitFor();
    expect(await pairs.innerText()).toContain('CMND 082123456 ↔ CCCD 020082001234: trùng họ tên, ngày sinh, địa chỉ, một CMND 9 số và một CCCD 12 số (điểm 90 / 70)');
    await screenshot(page, 'identity-12-f20-alert-vi');
    await expectAccessible();
    await useLanguage(page, 'en');
    expect(await pairs.innerText()).toContain('matching name, date of birth, address, a 9-digit CMND and a 12-digit CCCD (score 90 / 70)');
    await screenshot(page, 'identity-13-f20-alert-en');
  });

  it('says how many of a ring’s pairs are not listed, in Vietnamese and English', async () => {
    await page.goto(`${bed.base}/console/`);
    await devSignIn(page, 'inspector', null, 'inspector-khanh');
    await page.getByTestId('nav-alerts').click();
    await page.getByTestId('alert-filters').locator('[name=rule]').selectOption('F20');
    const more = page.getByTestId('identity-pairs-more');
    await more.waitFor();
    expect(await more.innerText()).toBe('và 5 cặp khác trùng khớp (chỉ liệt kê 100 cặp đầu tiên theo thứ tự nộp hồ sơ)');
    await useLanguage(page, 'en');
    expect(await more.innerText()).toBe('and 5 more matching pairs (only the first 100, in filing order, are listed)');
  });
});
