import type { BrowserContext, Locator, Page } from 'playwright-core';
import { BROWSER_TEST_TIMEOUT_MS, devSignIn, newConsoleContext, screenshot, startConsoleTestBed, useLanguage, type ConsoleTestBed } from './console-browser';
import { seedAlerts, type AlertScenario } from './console-seed';

/**
 * Money on the alerts board: recovery is offered only where money was paid and the rule is about
 * money, with the amount, and ordering it asks once more; Confirm and Dismiss look different.
 * The board is paged, newest first.
 */
describe('Web console: alerts and the money they may order back', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);
  let bed: ConsoleTestBed;
  let context: BrowserContext;
  let page: Page;
  let seeded: AlertScenario;
  const LATE = 22;

  beforeAll(async () => {
    bed = await startConsoleTestBed('e2e_console_alert_money');
    seeded = await seedAlerts(bed.api, LATE);
    await bed.api.settle();
  }, 120_000);

  afterAll(() => bed?.close());

  beforeEach(async () => {
    context = await newConsoleContext(bed.browser);
    page = await context.newPage();
    await page.goto(`${bed.base}/console/`);
    await devSignIn(page, 'inspector', '', 'inspector-thu');
  });

  afterEach(() => context?.close());

  const application = async (id: string) => (await bed.api.http.get(`/applications/${id}`).set({ Authorization: `Bearer ${bed.api.token('inspector', null)}` })).body;

  /** The alerts board filtered to one rule; its first card. */
  const alertOf = async (rule: string): Promise<Locator> => {
    await page.getByTestId('nav-alerts').click();
    await page.getByTestId('alert-filters').locator('[name=rule]').selectOption(rule);
    const card = page.locator(`[data-testid=alert][data-rule=${rule}]`).first();
    await card.waitFor();
    return card;
  };

  it('offers recovery of what was paid with its amount, asks before ordering it, and orders it only when asked twice', async () => {
    const card = await alertOf('F1');
    expect(await card.getByTestId('recovery-offer').textContent()).toBe('Đồng thời ra quyết định thu hồi 8.750.000 ₫ đã chi (2 hồ sơ)');
    const confirm = card.getByTestId('confirm-alert');
    const dismiss = card.getByTestId('dismiss-alert');
    const look = (button: Locator) => button.evaluate((element) => {
      const style = (globalThis as unknown as { getComputedStyle: (e: unknown) => { backgroundColor: string; color: string } }).getComputedStyle(element);
      return `${style.backgroundColor} ${style.color}`;
    });
    expect(await look(confirm)).not.toBe(await look(dismiss));
    expect(await confirm.textContent()).toContain('Xác nhận vi phạm');
    expect(await dismiss.textContent()).toContain('Bác bỏ cảnh báo');

    await card.locator('[name=note]').fill('Cùng một người hưởng ở nhóm 4 và nhóm 7.');
    await card.locator('[name=orderRecovery]').check();
    await confirm.click();
    const ask = card.getByTestId('confirm-step');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('8.750.000 ₫');
    expect(await ask.getByTestId('recovery-list').textContent()).toContain(`${seeded.paidTwiceName} (W03, 7. Hộ nghèo, hộ cận nghèo): 6.750.000 ₫`);
    await screenshot(page, 'money-01-ask-vi');
    await useLanguage(page, 'en');
    expect(await ask.textContent()).toContain('Confirm the alert and order 8.750.000 ₫ back in all?');
    await screenshot(page, 'money-02-ask-en');
    await useLanguage(page, 'vi');

    // Going back orders nothing.
    await ask.getByTestId('confirm-back').click();
    await confirm.waitFor();
    expect((await application(seeded.paidTwice[0])).recoveryOrderedAmount).toBe(0);

    await confirm.click();
    await card.getByTestId('confirm-money').click();
    await card.getByTestId('alert-status').getByText('Đã xác nhận').waitFor();
    await card.getByTestId('recovery-ordered').first().waitFor();
    await screenshot(page, 'money-03-confirmed');
    await bed.api.settle();
    expect((await application(seeded.paidTwice[0])).recoveryOrderedAmount).toBe(6_750_000);
    expect((await application(seeded.paidTwice[1])).recoveryOrderedAmount).toBe(2_000_000);
  });

  it('offers no recovery where nothing was paid, nor on a rule that is not about money (F16)', async () => {
    const unpaid = await alertOf('F5');
    expect(await unpaid.getByTestId('no-recovery').textContent()).toBe('Chưa chi trả hoặc đã có quyết định thu hồi: không có gì để thu hồi.');
    expect(await unpaid.locator('[name=orderRecovery]').count()).toBe(0);

    const late = await alertOf('F16');
    expect(await late.getByTestId('no-recovery').textContent()).toBe('Quy tắc này không liên quan đến tiền đã chi: không có gì để thu hồi.');
    await late.locator('[name=note]').fill('Rà soát chậm 2 ngày làm việc; đã nhắc tổ rà soát.');
    await late.getByTestId('confirm-alert').click();
    await late.getByTestId('alert-status').getByText('Đã xác nhận').waitFor();
    await late.getByTestId('resolution').waitFor();
    // Confirmed, and still nothing to order back on its application.
    expect(await late.getByRole('button', { name: 'Ra quyết định thu hồi' }).count()).toBe(0);
    await screenshot(page, 'money-04-f16-confirmed');
  });

  it('asks on the case page too before recording money recovered', async () => {
    await bed.api.settle();
    const { paidTwice } = seeded;
    await page.goto(`${bed.base}/console/#/applications/${paidTwice[1]}`);
    const panel = page.getByTestId('recovery-panel');
    await panel.waitFor();
    expect(await panel.locator('h3').textContent()).toBe('Ghi nhận đã thu hồi 2.000.000 ₫');
    await panel.locator('[name=reason]').fill('Người dân đã nộp lại tại kho bạc.');
    await panel.getByTestId('recovery-submit').click();
    await panel.getByTestId('confirm-step').waitFor();
    expect(await panel.getByTestId('confirm-step').textContent()).toContain(`Ghi nhận đã thu hồi 2.000.000 ₫ của ${seeded.paidTwiceName}?`);
    await screenshot(page, 'money-05-case-ask');
    await panel.getByTestId('confirm-money').click();
    await page.getByTestId('action-done').waitFor();
    await bed.api.settle();
    expect((await application(paidTwice[1])).recoveredAmount).toBe(2_000_000);
  });

  it('pages the alerts, newest first', async () => {
    await alertOf('F16');
    await page.getByTestId('alert-filters').locator('[name=status]').selectOption('');
    const cards = page.locator('[data-testid=alert]');
    await page.getByTestId('alerts-pager').waitFor();
    // The pager stands while a page loads: wait for the page's alerts themselves.
    await cards.nth(19).waitFor();
    const firstPage = await cards.evaluateAll((all) => all.map((card) => (card as unknown as { dataset: { raisedAt: string } }).dataset.raisedAt));
    expect(firstPage).toHaveLength(20);
    expect([...firstPage].sort().reverse()).toEqual(firstPage);
    expect(await page.getByTestId('page-number').textContent()).toBe('Trang 1');
    await page.getByTestId('page-next').click();
    await page.getByTestId('page-number').getByText('Trang 2').waitFor();
    await cards.first().waitFor();
    expect(await cards.count()).toBe(LATE - 20);
    await screenshot(page, 'money-06-alerts-page-2');
    await page.getByTestId('page-previous').click();
    await page.getByTestId('page-number').getByText('Trang 1').waitFor();
    await cards.nth(19).waitFor();
  });
});
