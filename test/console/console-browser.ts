import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ApiTestApp } from '../support/api-test-app';

const ROOT = resolve(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'console');

const newestIn = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }, 0);

/**
 * Builds console/ into console/dist when it is missing or older than its sources, with Vite
 * alone: `npm test` has type-checked the console already (npm run typecheck).
 */
export const ensureConsoleBuilt = (): void => {
  const built = join(ROOT, 'console', 'dist', 'index.html');
  const sources = Math.max(newestIn(join(ROOT, 'console', 'src')), statSync(join(ROOT, 'console', 'index.html')).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', join(ROOT, 'console', 'vite.config.mts'), '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
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
