import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { ConfigInvalid, resolveAnchorKey, validateConfig } from '@lib/platform';
import { prepareDatabase } from '@lib/projections';
import { shutDownGracefully } from '@lib/host';
import { startProjectorApp } from './start-projector-app';

const main = async () => {
  const config = validateConfig(process.env);
  if (config.DATABASE_URL === undefined) {
    // Trial mode's embedded database belongs to the one `npm start` process; a second process would corrupt it.
    throw new ConfigInvalid('invalid configuration: DATABASE_URL: the standalone projector needs a PostgreSQL server (trial mode runs the projector inside `npm start`)');
  }
  // This process signs the log's anchors: refuse to start without the key, naming ANCHOR_KEY_FILE.
  resolveAnchorKey(config);
  await prepareDatabase(config);
  const app = await startProjectorApp(config);
  const logger = app.get(Logger);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing the batch in hand, then stopping`);
    shutDownGracefully(app, config.SHUTDOWN_GRACE_MS).then(
      () => process.exit(0),
      (error) => {
        logger.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  logger.log(`projector running: LISTEN events_appended, polling every second as a fallback${config.PROJECTOR_PORT > 0 ? `; probes and metrics on port ${config.PROJECTOR_PORT}` : ''}`);
};

main().catch((error) => {
  console.error(error instanceof ConfigInvalid ? error.message : error);
  process.exit(1);
});
