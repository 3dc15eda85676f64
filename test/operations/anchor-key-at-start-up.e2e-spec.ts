import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEntryPoint } from '../support/cli-process';
import { freePort } from '../support/free-port';

const ROOT = join(__dirname, '..', '..');
const REGISTER = join(__dirname, '..', 'support', 'ts-register.js');
const SERVER = 'postgres://postgres@127.0.0.1:1/nowhere';

/**
 * The processes that run the projector sign anchors, so they refuse to start without the key,
 * naming ANCHOR_KEY_FILE, before touching the database; trial mode makes a key of its own and
 * says so. Real processes, started as `npm start` and `npm run start:projector` start them.
 */
describe('The anchor signing key at start-up (real processes)', () => {
  it.each([
    ['the API with the projector (RUN=all)', 'api' as const, { RUN: 'all' }],
    ['the standalone projector', 'projector' as const, {}],
  ])('%s refuses to start outside trial mode without ANCHOR_KEY_FILE, in one line naming it', async (_, app, env) => {
    const result = await runEntryPoint(app, [], { DATABASE_URL: SERVER, ...env });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^invalid configuration: ANCHOR_KEY_FILE: required outside trial mode/)]);
  }, 120_000);

  it('the API alone (RUN=api) signs nothing and asks for no key: it gets as far as the database', async () => {
    const result = await runEntryPoint('api', [], { DATABASE_URL: SERVER, RUN: 'api', JWT_SECRET: 'deployment-jwt-secret-0123456789', CITIZEN_KEY_SECRET: 'deployment-citizen-key-0123456789' });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('ANCHOR_KEY_FILE');
    expect(result.stderr).toMatch(/ECONNREFUSED/);
  }, 120_000);

  it('refuses a key file that is not an Ed25519 private key, naming the variable', async () => {
    const result = await runEntryPoint('projector', [], { DATABASE_URL: SERVER, ANCHOR_KEY_FILE: join(ROOT, 'package.json') });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^invalid configuration: ANCHOR_KEY_FILE: .*package\.json is not a PEM private key/);
  }, 120_000);

  it('in trial mode makes a key in DATA_DIR on first start (owner-only), says so in the log, and signs with that key', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rl-trial-anchors-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', REGISTER, join(ROOT, 'apps', 'api', 'src', 'main.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port), DEMO_APPLICATIONS: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      // Waits for the process to say it listens and signs (or to exit); bounded by the test's timeout.
      // The two lines come from two loggers (the process's and the application's), each with its
      // own stream to stdout: on a busy machine (a CI run) "listening" has come first.
      const said = () => output.includes('listening on http://localhost') && output.includes('signing anchors of the log');
      while (!said() && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 100));
      const made = /TRIAL MODE: made an anchor signing key in .*anchor-key\.pem \(key id ([0-9a-f]{16})\)/.exec(output);
      const signing = /signing anchors of the log with key ([0-9a-f]{16}) every 10000 ms/.exec(output);
      expect([made?.[1], signing?.[1]]).toEqual([expect.stringMatching(/^[0-9a-f]{16}$/), made?.[1]]);
      expect(statSync(join(dataDir, 'anchor-key.pem')).mode & 0o777).toBe(0o600);
      expect(readdirSync(dataDir)).toContain('anchor-key.pem');
    } finally {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
