import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { ConfigInvalid, DemoSeeder, PG_POOL, ProgrammeRegistry, SupportApplicationWriter, validateConfig } from '@lib/application';
import { prepareDatabase } from '@lib/projections';
import { createApiApp } from './create-api-app';

/** `npm start`: the API, and the projector too unless RUN=api. */
const main = async () => {
  const config = validateConfig(process.env);
  const logger = new Logger('relief-ledger');
  const trial = config.DATABASE_URL === undefined;
  if (trial) {
    logger.warn('DATABASE_URL is not set: TRIAL MODE on the local PostgreSQL database relief_ledger, with demo data. For trying the service, not for real data.');
  }
  const applied = await prepareDatabase(config);
  if (applied.length > 0) logger.log(`migrations applied: ${applied.join(', ')}`);
  const app = await createApiApp(config, { withProjector: config.RUN === 'all' });
  await app.listen(config.PORT);
  if (trial && config.DEMO_APPLICATIONS > 0) await seedDemoOnce(app, config.DEMO_APPLICATIONS, logger);
  logger.log(`listening on http://localhost:${config.PORT} (OpenAPI at /docs; projector ${config.RUN === 'all' ? 'in this process' : 'not running here'})`);
};

const seedDemoOnce = async (app: Awaited<ReturnType<typeof createApiApp>>, applications: number, logger: Logger) => {
  const { rows } = await app.get<Pool>(PG_POOL).query('SELECT EXISTS (SELECT 1 FROM events) AS seeded');
  if (rows[0].seeded) return;
  logger.log(`first start: seeding ${applications} demo applications through the domain…`);
  const report = await new DemoSeeder(app.get(SupportApplicationWriter), app.get(ProgrammeRegistry)).run({
    applications,
    wards: 12,
    seed: 2020,
    concurrency: 8,
    programmeId: 'nq42-2020',
  });
  logger.log(`demo data: ${JSON.stringify(report.byStatus)}; mint a token with: npm run cli -- token --sub demo --role inspector`);
};

main().catch((error) => {
  // One clear line for a bad setting; the stack only for the unexpected.
  console.error(error instanceof ConfigInvalid ? error.message : error);
  process.exit(1);
});
