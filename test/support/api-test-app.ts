import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import type { DestinationStream } from 'pino';
import type { Role } from '@lib/domain';
import { validateConfig } from '@lib/platform';
import { Projector } from '@lib/projections';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { settleProjector, testAnchorDir, testAnchorKey, type TestDatabase } from '@lib/testing';

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
  /** Where this app writes its anchor files (ANCHOR_DIR), removed on close. */
  anchorDir: string;
  close(): Promise<void>;
}

/** The real HTTP service (all modules, projector included) on a test database. */
export const createApiTestApp = async (db: TestDatabase, env: Record<string, string> = {}, options: { logStream?: DestinationStream } = {}): Promise<ApiTestApp> => {
  // On the embedded database (trial mode) there is no URL: DATABASE_URL must be unset.
  const database = db.embedded ? {} : { DATABASE_URL: db.url };
  // A machine busy with every other suite is slow, not broken: wait for connections rather than answer 503.
  const patient = { DB_ACQUIRE_TIMEOUT_MS: '60000' };
  // The projector's process signs anchors: the process's test key, and a folder of this app's own.
  const anchors = testAnchorDir();
  const anchoring = { ANCHOR_KEY_FILE: testAnchorKey().file, ANCHOR_DIR: anchors.dir };
  const config = validateConfig({ ...database, JWT_SECRET: TEST_JWT_SECRET, DB_POOL_SIZE: '8', ...patient, ...anchoring, ...env });
  const app = await createApiApp(config, { withProjector: true, logger: false, embedded: db.embedded, logStream: options.logStream });
  await app.init();
  // Fastify registers its routes when ready; supertest then drives its server directly.
  await app.getHttpAdapter().getInstance().ready();
  const jwt = new JwtService({ secret: TEST_JWT_SECRET });
  return {
    app,
    http: request(app.getHttpServer()),
    settle: () => settleProjector(app.get(Projector), db.pool),
    anchorDir: config.ANCHOR_DIR!,
    token: (role, ward = 'W01', sub) => {
      const roles = Array.isArray(role) ? role : [role];
      return jwt.sign({ sub: sub ?? `${roles.join('+')}@${ward ?? 'province'}`, name: 'Test Officer', roles, ward }, { algorithm: 'HS256', expiresIn: '1h' });
    },
    close: async () => {
      await app.close();
      anchors.remove();
    },
  };
};
