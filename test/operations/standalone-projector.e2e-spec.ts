import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase, testAnchorKey, type TestDatabase } from '@lib/testing';
import { freePort } from '../support/free-port';

const ROOT = join(__dirname, '..', '..');
const REGISTER = join(__dirname, '..', 'support', 'ts-register.js');

/**
 * The projector as docker/compose.yaml runs it (`npm run start:projector`), a real process: it
 * starts, answers its probes on PROJECTOR_PORT, and stops cleanly on SIGTERM. (It once exited at
 * start-up asking for @nestjs/platform-express, after the API moved to Fastify.)
 */
describe('The standalone projector process', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('standalone_projector');
  }, 120_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('starts, answers /health/live and /health/ready on PROJECTOR_PORT, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', REGISTER, join(ROOT, 'apps', 'projector', 'src', 'main.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, PROJECTOR_PORT: String(port), ANCHOR_KEY_FILE: testAnchorKey().file, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let live: Response | null = null;
      // Until it answers or exits; bounded by the test's timeout.
      while (!live && child.exitCode === null) {
        live = await fetch(`http://127.0.0.1:${port}/health/live`).catch(() => null);
        if (!live) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect({ exitCode: child.exitCode, output: child.exitCode === null ? '' : output }).toEqual({ exitCode: null, output: '' });
      expect(live!.status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 180_000);
});
