import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import type { Role } from '@lib/domain';
import { validateConfig } from '@lib/application';
import { Projector } from '@lib/projections';
import { createApiApp } from '../../../apps/api/src/create-api-app';
import type { TestDatabase } from './test-database';

export const TEST_JWT_SECRET = 'relief-ledger-test-secret-0123456789';

export interface ApiTestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  /**
   * Runs the projector until it has applied every event committed so far. It may have to wait:
   * the gap-safe reader stops below the oldest transaction still writing anywhere on the
   * PostgreSQL server, and other suites hold some open on purpose.
   */
  settle(): Promise<void>;
  token(role: Role | Role[], ward?: string | null, sub?: string): string;
  close(): Promise<void>;
}

/** The real HTTP service (all modules, projector included) on a test database. */
export const createApiTestApp = async (db: TestDatabase, env: Record<string, string> = {}): Promise<ApiTestApp> => {
  const config = validateConfig({ DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, DB_POOL_SIZE: '20', ...env });
  const saved = { ...process.env };
  Object.assign(process.env, { DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, DB_POOL_SIZE: '20', ...env });
  const app = await createApiApp(config, { withProjector: true, logger: false });
  process.env = saved;
  await app.init();
  const jwt = new JwtService({ secret: TEST_JWT_SECRET });
  return {
    app,
    http: request(app.getHttpServer()),
    settle: async () => {
      const projector = app.get(Projector);
      const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM events');
      const deadline = Date.now() + 30_000;
      for (;;) {
        await projector.catchUp();
        const applied = await db.pool.query('SELECT min(events_applied)::int AS n FROM projection_checkpoints');
        if ((applied.rows[0].n ?? 0) >= rows[0].n) return;
        if (Date.now() > deadline) throw new Error(`projector still behind after 30 s: ${applied.rows[0].n} of ${rows[0].n} events`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    token: (role, ward = 'W01', sub) => {
      const roles = Array.isArray(role) ? role : [role];
      return jwt.sign({ sub: sub ?? `${roles.join('+')}@${ward ?? 'province'}`, name: 'Test Officer', roles, ward }, { algorithm: 'HS256', expiresIn: '1h' });
    },
    close: () => app.close(),
  };
};
