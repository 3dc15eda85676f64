import type { BrowserContext, Page } from 'playwright-core';
import { BROWSER_TEST_TIMEOUT_MS, axeViolations, devSignIn, newConsoleContext, screenshot, startConsoleTestBed, useLanguage, type AxeViolation, type ConsoleTestBed } from './console-browser';
import { seedAlerts, type AlertScenario } from './console-seed';

/**
 * Every page of the console, in Vietnamese and in English, checked by axe-core (WCAG 2.1 A/AA and
 * best practice): no serious or critical violation. Keyboard use: the skip link, and every action
 * reachable with Tab.
 */
describe('Web console accessibility', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);
  let bed: ConsoleTestBed;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let seeded: AlertScenario;

  beforeAll(async () => {
    bed = await startConsoleTestBed('e2e_console_a11y');
    base = bed.base;
    seeded = await seedAlerts(bed.api);
    await bed.api.settle();
  }, 120_000);

  afterAll(() => bed?.close());

  beforeEach(async () => {
    context = await newConsoleContext(bed.browser);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  /** The page in both languages: its serious and critical violations, by language and name. */
  const checkBothLanguages = async (name: string): Promise<Record<string, AxeViolation[]>> => {
    const found: Record<string, AxeViolation[]> = {};
    for (const lang of ['vi', 'en']) {
      await useLanguage(page, lang as 'vi' | 'en');
      await screenshot(page, `a11y-${name}-${lang}`);
      const violations = await axeViolations(page);
      if (violations.length > 0) found[`${name} (${lang})`] = violations;
    }
    return found;
  };

  it('has no serious or critical axe violation on any page, in Vietnamese or English', async () => {
    const found: Record<string, AxeViolation[]> = {};
    const check = async (name: string) => Object.assign(found, await checkBothLanguages(name));

    await page.goto(`${base}/console/`);
    await page.getByTestId('dev-sign-in').locator('[name=role]').waitFor();
    await check('sign-in');

    await devSignIn(page, 'intake-officer', 'W01', 'officer-lan');
    await page.getByTestId('nav-intake').click();
    const form = page.getByTestId('intake-form');
    await form.locator('[name=category]').selectOption('4');
    await page.getByTestId('intake-submit').click();
    await page.getByTestId('problem').waitFor();
    await check('intake-errors');

    await devSignIn(page, 'inspector', '', 'inspector-thu');
    await page.getByTestId('worklist').waitFor();
    await check('worklist');
    await page.getByTestId('nav-alerts').click();
    await page.getByTestId('alert').first().waitFor();
    await page.locator(`[data-testid=alert][data-rule=F1] [data-testid=recovery-offer]`).waitFor();
    await check('alerts');
    await page.goto(`${base}/console/#/applications/${seeded.paidTwice[0]}`);
    await page.locator('[data-testid=chain-status][data-state=verified]').waitFor();
    await page.getByTestId('recovery-panel').waitFor();
    await check('case');
    await page.getByTestId('nav-beneficiaries').click();
    await page.locator('[name=citizenId]').fill(seeded.paidTwiceCitizenId);
    await page.locator('[name=citizenId]').press('Enter');
    await page.locator('[data-testid=beneficiary], [data-testid=problem]').first().waitFor();
    await check('beneficiary');
    await page.goto(`${base}/console/#/applications/${seeded.paidTwice[0]}`);
    await page.getByTestId('actor-activity').last().click();
    await page.getByTestId('activity').waitFor();
    await check('activity');
    await page.getByTestId('nav-dashboard').click();
    await page.locator('[name=ward]').fill('W03');
    await page.locator('[name=ward]').press('Enter');
    await page.getByTestId('chart-status').waitFor();
    await check('dashboard');

    expect(found).toEqual({});
  });

  it('would notice a violation: an input without a label on the sign-in page is reported', async () => {
    await page.goto(`${base}/console/`);
    await page.getByTestId('dev-sign-in').locator('[name=role]').waitFor();
    await page.evaluate(() => {
      const { document } = globalThis as unknown as { document: { createElement: (tag: string) => unknown; body: { appendChild: (node: unknown) => void } } };
      document.body.appendChild(document.createElement('input'));
    });
    expect((await axeViolations(page)).map((violation) => violation.id)).toContain('label');
  });

  it('is usable from the keyboard: the skip link leads to the page, and an officer reaches the action with Tab', async () => {
    await page.goto(`${base}/console/`);
    await page.getByTestId('dev-sign-in').locator('[name=role]').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { className: string } } }).document.activeElement.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('main');

    await devSignIn(page, 'inspector', '', 'inspector-thu');
    await page.getByTestId('nav-alerts').focus();
    await page.keyboard.press('Enter');
    const card = page.locator('[data-testid=alert][data-rule=F1]');
    await card.getByTestId('recovery-offer').waitFor();
    await card.locator('[name=note]').focus();
    await page.keyboard.type('Đối chiếu hồ sơ: cùng một người ở hai nhóm.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await card.locator('[name=orderRecovery]').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // Asked before money moves: focus waits on "back", and Escape goes back.
    await card.getByTestId('confirm-step').waitFor();
    expect(await card.getByTestId('confirm-back').evaluate((button) => button === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)).toBe(true);
    await screenshot(page, 'a11y-keyboard-confirm-step');
    await page.keyboard.press('Escape');
    await card.getByTestId('confirm-alert').waitFor();
    expect(await card.getByTestId('alert-status').textContent()).toBe('Đang mở');
  });
});
