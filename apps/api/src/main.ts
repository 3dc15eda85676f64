import 'reflect-metadata';
import { resolve } from 'node:path';
import pino from 'pino';
import { shutDownGracefully } from '@lib/host';
import { ConfigInvalid, EmbeddedDatabase, EmbeddedDatabaseInUse, loggerOptions, requireProductionSecrets, resolveAnchorKey, validateConfig } from '@lib/platform';
import { prepareDatabase } from '@lib/projections';
import { createApiApp } from './create-api-app';
import { startProjectorThread, type ProjectorThread } from './projector-thread-host';
import { seedDemoOnce } from './trial/seed-demo';

const TRIAL_WARNING = (dir: string) =>
  `TRIAL MODE: DATABASE_URL is not set, so the service runs on an embedded PostgreSQL (PGlite) kept in ${dir}, with demo data. ` +
  'It is for trying the service, NOT for real data: it never fsyncs and serves one connection. Set DATABASE_URL for real use.';

/** `npm start`: the API, and the projector too unless RUN=api. */
const main = async () => {
  const config = validateConfig(process.env);
  const logger = pino(loggerOptions(config.LOG_LEVEL)).child({ context: 'relief-ledger' });
  const trial = config.DATABASE_URL === undefined;
  // The projector's process signs the log's anchors: no key, no start (outside trial mode).
  if (config.RUN === 'all') {
    const anchorKey = resolveAnchorKey(config);
    if (anchorKey.generated) logger.warn(`TRIAL MODE: made an anchor signing key in ${anchorKey.file} (key id ${anchorKey.key.keyId}); set ANCHOR_KEY_FILE to a key of your own for real use`);
  }
  // The source publishes trial mode's secrets: with a real database, refuse them by name.
  requireProductionSecrets(config, process.env);
  const embedded = trial ? await EmbeddedDatabase.open(resolve(config.DATA_DIR)) : undefined;
  if (trial) {
    logger.warn(TRIAL_WARNING(resolve(config.DATA_DIR)));
    // Said plainly to whoever reads the terminal, not only to the log collector.
    if (process.stderr.isTTY) console.error(`\n  ${TRIAL_WARNING(config.DATA_DIR)}\n`);
  }
  const applied = await prepareDatabase(config, embedded);
  if (applied.length > 0) logger.info(`migrations applied: ${applied.join(', ')}`);
  // With a PostgreSQL server the projector runs on a thread of its own; the embedded database
  // serves one connection in this thread only, so trial mode keeps it on the API's event loop.
  const projectorThread = config.RUN === 'all' && !trial;
  const app = await createApiApp(config, { withProjector: config.RUN === 'all' && !projectorThread, embedded });
  let thread: ProjectorThread | null = null;
  if (projectorThread) {
    thread = await startProjectorThread((reason) => {
      // Serving on with read models that no longer move would mislead every reader: stop, to be restarted.
      logger.error(`${reason}; stopping`);
      process.exit(1);
    });
  }
  // Fastify listens on localhost alone unless told otherwise; a container's port must be reachable from outside it.
  await app.listen(config.PORT, '0.0.0.0');
  let stopping: Promise<void> | null = null;
  const stop = (signal: NodeJS.Signals) => {
    stopping ??= (async () => {
      logger.info(`${signal}: draining requests in flight, then stopping`);
      await shutDownGracefully(app, config.SHUTDOWN_GRACE_MS, (message) => logger.warn(message));
      await thread?.stop(config.SHUTDOWN_GRACE_MS);
      await embedded?.close();
      logger.info('stopped');
    })().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (trial && config.DEMO_APPLICATIONS > 0) await seedDemoOnce(app, config.DEMO_APPLICATIONS, logger);
  logger.info(`listening on http://localhost:${config.PORT} (OpenAPI at /docs; projector ${projectorThread ? `on a thread of this process${config.PROJECTOR_PORT > 0 ? `, its probes and metrics on port ${config.PROJECTOR_PORT}` : ''}` : config.RUN === 'all' ? 'in this process' : 'not running here'})`);
};

main().catch((error) => {
  // One clear line for a bad setting; the stack only for the unexpected.
  console.error(error instanceof ConfigInvalid || error instanceof EmbeddedDatabaseInUse ? error.message : error);
  process.exit(1);
});
