import { JwtService } from '@nestjs/jwt';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase, testAnchorKey, type TestDatabase } from '@lib/testing';
import { freePort } from '../support/free-port';

const ROOT = join(__dirname, '..', '..');
const REGISTER = join(__dirname, '..', 'support', 'ts-register.js');
const SECRET = 'projector-thread-jwt-secret-0123456789';

/**
 * `npm start` on a PostgreSQL server (RUN=all): one process, the projector on a worker thread
 * of its own so its batches do not queue behind the requests on the API's event loop. A real
 * process: what it acknowledges reaches the read models, the thread answers its probes on
 * PROJECTOR_PORT, and SIGTERM stops both cleanly with the projector's checkpoint at the head.
 */
describe('npm start with the projector on a thread of its own', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('projector_thread');
  }, 120_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('projects what the API acknowledges, answers the thread’s probes, and exits 0 on SIGTERM with nothing left behind', async () => {
    const [port, projectorPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, ['-r', REGISTER, join(ROOT, 'apps', 'api', 'src', 'main.ts')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '', DATABASE_URL: db.url, RUN: 'all', PORT: String(port), PROJECTOR_PORT: String(projectorPort),
        ANCHOR_KEY_FILE: testAnchorKey().file, JWT_SECRET: SECRET, CITIZEN_KEY_SECRET: 'projector-thread-citizen-key-0123456789', LOG_LEVEL: 'info', RATE_LIMIT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const ids: string[] = [];
    try {
      // Until it says it listens, or exits; bounded by the test's timeout.
      while (!output.includes('listening on http://localhost') && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(output).toContain(`projector on a thread of this process, its probes and metrics on port ${projectorPort}`);
      expect((await fetch(`http://127.0.0.1:${projectorPort}/health/ready`)).status).toBe(200);
      const token = new JwtService({ secret: SECRET }).sign({ sub: 'intake-w01', roles: ['intake-officer'], ward: 'W01' }, { algorithm: 'HS256', expiresIn: '1h' });
      const submit = (n: number) =>
        fetch(`http://127.0.0.1:${port}/applications`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            programme: 'nq42-2020', category: '4',
            applicant: { citizenId: `00108000${String(7000 + n)}`, fullName: `Đỗ Văn Hùng ${n}`, dateOfBirth: '1970-05-06', ward: 'W01', address: `Số ${n} Lê Lợi, W01` },
            claim: { months: ['2020-04'], occupation: 'motorbike-taxi', jobLostOn: '2020-04-01', monthlyIncome: 0 },
          }),
        });
      const responses = await Promise.all(Array.from({ length: 12 }, (_, n) => submit(n)));
      expect(responses.map((response) => response.status)).toEqual(Array(12).fill(201));
      for (const response of responses) ids.push(((await response.json()) as { id: string }).id);
      // Projected by the thread; bounded by the test's timeout.
      for (;;) {
        const [{ n }] = (await db.pool.query('SELECT count(*)::int AS n FROM application_overview WHERE application_id = ANY($1::uuid[])', [ids])).rows;
        if (n === ids.length) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
    const { rows } = await db.pool.query(`SELECT min(c.position)::bigint = (SELECT max(global_position) FROM events) AS at_head FROM projection_checkpoints c`);
    expect(rows[0].at_head).toBe(true);
  }, 180_000);
});
