import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

const ROOT = resolve(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'console');

const newestIn = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }, 0);

const BUILT = join(ROOT, 'console', 'dist', 'index.html');
const BUILD_LOCK = join(ROOT, 'console', '.build-lock');
/** A lock older than this was left by a killed run, not held by a build still going. */
const STALE_LOCK_MS = 5 * 60_000;

const fresh = (): boolean => {
  const sources = Math.max(newestIn(join(ROOT, 'console', 'src')), statSync(join(ROOT, 'console', 'index.html')).mtimeMs);
  return existsSync(BUILT) && statSync(BUILT).mtimeMs >= sources;
};

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds console/ into console/dist when it is missing or older than its sources, with Vite
 * alone: `npm test` has type-checked the console already (npm run typecheck). One Jest worker
 * builds while the others wait (a lock directory): Vite empties console/dist first, and a
 * service started meanwhile found no index.html and answered 404 for the console all its life,
 * which failed a whole suite in a clean clone, where no build exists yet.
 */
export const ensureConsoleBuilt = (): void => {
  for (const started = Date.now(); Date.now() - started < 2 * STALE_LOCK_MS; ) {
    if (fresh()) return;
    try {
      mkdirSync(BUILD_LOCK);
    } catch {
      if (existsSync(BUILD_LOCK) && Date.now() - statSync(BUILD_LOCK).mtimeMs > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
      sleepSync(200);
      continue;
    }
    try {
      if (fresh()) return;
      const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
      execFileSync(process.execPath, [vite, 'build', '--config', join(ROOT, 'console', 'vite.config.mts'), '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
      return;
    } finally {
      rmSync(BUILD_LOCK, { recursive: true, force: true });
    }
  }
  throw new Error(`console/dist was not built within ${(2 * STALE_LOCK_MS) / 60_000} minutes (${BUILD_LOCK} held)`);
};

/** Debian's Chromium (`apt-get install chromium`); never a browser downloaded by a test tool. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const launchChromium = async (): Promise<Browser> => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's (apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  // Playwright gives each launch a fresh, empty profile (user data dir) of its own.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
};

/** The real service listening on a free loopback port, serving the built console at /console. */
export const listen = async (api: ApiTestApp): Promise<string> => {
  await api.app.listen(0, '127.0.0.1');
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
};

export const screenshot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

/** Signs out if needed, then in through the trial sign-in form as this role, ward and officer. */
export const devSignIn = async (page: Page, role: string, ward: string | null, sub: string): Promise<void> => {
  const signOut = page.getByTestId('sign-out');
  if (await signOut.isVisible()) await signOut.click();
  const form = page.getByTestId('dev-sign-in');
  await form.locator('[name=role]').selectOption(role);
  await form.locator('[name=ward]').fill(ward ?? '');
  await form.locator('[name=sub]').fill(sub);
  await form.locator('button[type=submit]').click();
  await page.getByTestId('who').waitFor();
};

const AXE = require.resolve('axe-core/axe.min.js');

interface AxeRunner {
  run: (context: unknown, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core's serious and critical violations on the page as it is (WCAG 2.1 A and AA and best
 * practice). The page's Content-Security-Policy forbids injected scripts, so the context that
 * runs this must be made with `bypassCSP: true`.
 */
export const axeViolations = async (page: Page): Promise<AxeViolation[]> => {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    // This runs in the page; the tests are compiled without the DOM's types.
    const { axe, document } = globalThis as unknown as { axe: AxeRunner; document: unknown };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => JSON.stringify(node.target)) }));
  });
};

/** Every response of the page that was not found (a missing favicon, say). */
export const collectNotFound = (page: Page): string[] => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  return missing;
};

export interface ConsoleTestBed {
  db: TestDatabase;
  api: ApiTestApp;
  base: string;
  browser: Browser;
  close: () => Promise<void>;
}

/** The service on a test database of its own, listening, the console built, and Chromium. */
export const startConsoleTestBed = async (suite: string): Promise<ConsoleTestBed> => {
  ensureConsoleBuilt();
  const db = await createTestDatabase(suite);
  const api = await createApiTestApp(db, { DEV_SIGN_IN: 'true', RATE_LIMIT: '0' });
  const base = await listen(api);
  const browser = await launchChromium();
  return {
    db, api, base, browser,
    close: async () => {
      await browser.close();
      await api.close();
      await db.drop();
    },
  };
};

/** A Vietnamese browser in Vietnam's time zone, as the ward offices have; `bypassCSP` for axe. */
export const newConsoleContext = async (browser: Browser): Promise<BrowserContext> => {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 }, bypassCSP: true });
  // Several browser suites share two cores with PostgreSQL: waits are generous, never timing claims.
  context.setDefaultTimeout(60_000);
  return context;
};

/** A browser test walks many pages; on a loaded machine that is minutes, not a timing claim. */
export const BROWSER_TEST_TIMEOUT_MS = 240_000;

/** Switches the console to `lang` with the header's button, if it is not in it already. */
export const useLanguage = async (page: Page, lang: 'vi' | 'en'): Promise<void> => {
  const current = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang);
  if (current !== lang) await page.getByTestId('lang').click();
  await page.waitForFunction((wanted) => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === wanted, lang);
};
