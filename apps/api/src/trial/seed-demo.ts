import type { INestApplication } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { SupportApplicationWriter } from '@lib/application';
import { PG_POOL, ProgrammeRegistry } from '@lib/platform';
import { DemoSeeder } from '@lib/seeding';

/** Trial mode's first start: demo applications driven through the domain, once. */
export const seedDemoOnce = async (app: INestApplication, applications: number, logger: Logger): Promise<void> => {
  const { rows } = await app.get<Pool>(PG_POOL).query('SELECT EXISTS (SELECT 1 FROM events) AS seeded');
  if (rows[0].seeded) return;
  logger.info(`first start: seeding ${applications} demo applications through the domain…`);
  const report = await new DemoSeeder(app.get(SupportApplicationWriter), app.get(ProgrammeRegistry)).run({
    applications,
    wards: 12,
    seed: 2020,
    concurrency: 8,
    programmeId: 'nq42-2020',
  });
  logger.info(`demo data: ${JSON.stringify(report.byStatus)}; mint a token with: npm run cli -- token --sub demo --role inspector`);
};
