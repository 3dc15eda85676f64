import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { testAnchorDir, testAnchorKey } from '@lib/testing';

/** Where test/chaos/support/build-service.js compiled the service (Jest globalSetup). */
export const BUILD = join(__dirname, '..', '..', '..', 'node_modules', '.cache', 'relief-chaos-build');
const ROOT = join(__dirname, '..', '..', '..');

export interface ServiceProcess {
  child: ChildProcess;
  /** Everything it wrote, for the failure message. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node <build>/apps/<app>/src/main.js` with the given settings, as production would. */
export const startService = (app: 'api' | 'projector', env: Record<string, string>): ServiceProcess => {
  // The projector's process signs anchors: the test key, and a folder of its own (left in the temporary directory).
  const anchoring = { ANCHOR_KEY_FILE: testAnchorKey().file, ANCHOR_DIR: testAnchorDir().dir };
  const child = spawn(process.execPath, [join(BUILD, 'apps', app, 'src', 'main.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', JWT_SECRET: 'relief-ledger-chaos-secret-0123456789', CITIZEN_KEY_SECRET: 'relief-ledger-chaos-citizen-key-0123456789', LOG_LEVEL: 'warn', ...anchoring, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exited };
};

/** Polls a condition the test cannot be told about (another process's progress), up to a bound. */
export const eventually = async (what: string, condition: () => Promise<boolean>, timeoutMs = 120_000, everyMs = 25): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
};
