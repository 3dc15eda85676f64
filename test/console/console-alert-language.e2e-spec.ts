import type { BrowserContext, Locator, Page } from 'playwright-core';
import { BROWSER_TEST_TIMEOUT_MS, collectNotFound, devSignIn, newConsoleContext, screenshot, startConsoleTestBed, useLanguage, type ConsoleTestBed } from './console-browser';
import { seedAlerts } from './console-seed';

/** Issue 14, item 1: the alerts board in the reader's language: rule filter, titles, legal bases, the detectors' reasons, refusals. */
describe('Web console: the alerts board in Vietnamese and English', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);
  let bed: ConsoleTestBed;
  let context: BrowserContext;
  let page: Page;
  let notFound: string[];

  beforeAll(async () => {
    bed = await startConsoleTestBed('e2e_console_alert_language');
    await seedAlerts(bed.api, 1);
    await bed.api.settle();
  }, 120_000);

  afterAll(() => bed?.close());

  beforeEach(async () => {
    context = await newConsoleContext(bed.browser);
    page = await context.newPage();
    notFound = collectNotFound(page);
    await page.goto(`${bed.base}/console/`);
    await devSignIn(page, 'inspector', '', 'inspector-thu');
  });

  afterEach(async () => {
    await context?.close();
    expect(notFound).toEqual([]);
  });

  /** The API's own words for an alert's reasons in a language: the console must say the same. */
  const apiReasons = async (rule: string, lang: 'vi' | 'en'): Promise<string[]> =>
    (await bed.api.http.get(`/alerts?rule=${rule}`).set({ Authorization: `Bearer ${bed.api.token('inspector', null)}`, 'Accept-Language': lang })).body.items[0].reasons;

  const alertOf = async (rule: string): Promise<Locator> => {
    await page.getByTestId('nav-alerts').click();
    await page.getByTestId('alert-filters').locator('[name=rule]').selectOption(rule);
    const card = page.locator(`[data-testid=alert][data-rule=${rule}]`).first();
    await card.waitFor();
    return card;
  };

  it('names each rule by number and title in the filter, and words a late step’s alert in either language', async () => {
    const rule = page.getByTestId('alert-filters').locator('[name=rule]');
    const card = await alertOf('F16');
    const options = await rule.locator('option').allTextContents();
    expect(options).toContain('F16. Bước được thực hiện quá thời hạn luật định (ngày làm việc, trừ ngày nghỉ lễ)');
    expect(options).toContain('F20. Có thể là một người với hai số giấy tờ (CMND và CCCD)');
    expect(options.filter((option) => /^F\d+\. /.test(option))).toHaveLength(20);
    expect(await card.locator('h3').textContent()).toBe('F16 Bước được thực hiện quá thời hạn luật định (ngày làm việc, trừ ngày nghỉ lễ)');
    const reasons = card.getByTestId('alert-reasons').locator('li');
    const vi = await reasons.allTextContents();
    expect(vi).toEqual(await apiReasons('F16', 'vi'));
    expect(vi[0]).toMatch(/^bước “Rà soát ở thôn, tổ dân phố” thực hiện ngày 27\/05\/2020, hạn chót \d{2}\/\d{2}\/2020 \(5 ngày làm việc kể từ \d{2}\/\d{2}\/2020\)$/);
    await screenshot(page, 'alert-language-01-late-vi');

    await useLanguage(page, 'en');
    expect(await rule.locator('option[value=F16]').textContent()).toBe('F16. Step completed after its legal time limit (working days, holidays excluded)');
    await card.locator('h3').getByText('Step completed after its legal time limit').waitFor();
    const en = await reasons.allTextContents();
    expect(en).toEqual(await apiReasons('F16', 'en'));
    expect(en[0]).toMatch(/^step “Village review” done on 27\/05\/2020, due by \d{2}\/\d{2}\/2020 \(5 working days from \d{2}\/\d{2}\/2020\)$/);
    await screenshot(page, 'alert-language-02-late-en');
  });

  it('words the reasons of one person paid twice and of a list forwarded unposted, the legal basis in the language', async () => {
    const twice = await alertOf('F1');
    expect(await twice.getByTestId('alert-reasons').textContent()).toBe('cùng lúc hưởng hỗ trợ ở các nhóm 4, 7');
    expect(await twice.getByTestId('legal-basis').textContent()).toMatch(/^NQ 42\/NQ-CP: mỗi người chỉ hưởng một mức hỗ trợ cao nhất/);
    const unposted = await alertOf('F5');
    expect(await unposted.getByTestId('alert-reasons').locator('li').allTextContents()).toEqual(await apiReasons('F5', 'vi'));
    expect(await unposted.getByTestId('alert-reasons').textContent()).toBe('chuyển tiếp khi chưa qua bước “Niêm yết công khai”');
    await screenshot(page, 'alert-language-03-unposted-vi');
    await useLanguage(page, 'en');
    expect(await unposted.getByTestId('alert-reasons').locator('li').allTextContents()).toEqual(await apiReasons('F5', 'en'));
    expect(await unposted.getByTestId('alert-reasons').textContent()).toBe('forwarded without the step “Public posting”');
    const again = await alertOf('F1');
    expect(await again.getByTestId('alert-reasons').textContent()).toBe('held support in categories 4, 7 at the same time');
    expect(await again.getByTestId('legal-basis').textContent()).toMatch(/^NQ 42\/NQ-CP: one support only, the highest/);
    await screenshot(page, 'alert-language-04-paid-twice-en');
  });

  it('shows a refused filter by its title and field error in the language, never a raw status or code', async () => {
    await page.getByTestId('nav-alerts').click();
    const ward = page.getByTestId('alert-filters').locator('[name=ward]');
    await ward.fill('W'.repeat(40));
    const problem = page.getByTestId('problem');
    await problem.waitFor();
    expect(await page.getByTestId('problem-title').textContent()).toBe('Yêu cầu không hợp lệ');
    const text = (await problem.textContent()) ?? '';
    expect(text).not.toMatch(/validation-failed|\b400\b/);
    expect(text).toMatch(/không được dài quá 32 ký tự/);
    await screenshot(page, 'alert-language-05-problem-vi');
    await useLanguage(page, 'en');
    await ward.fill('X'.repeat(40));
    await page.getByTestId('problem-title').getByText('The request is not valid').waitFor();
    const english = (await problem.textContent()) ?? '';
    expect(english).not.toMatch(/validation-failed|\b400\b/);
    expect(english).toMatch(/at most 32 characters/);
    await screenshot(page, 'alert-language-06-problem-en');
  });
});
