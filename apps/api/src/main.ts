import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigInvalid, validateConfig } from '@lib/application';
import { createApiApp } from './create-api-app';
import { prepareDatabase } from '@lib/projections';

/** `npm start`: the API, and the projector too unless RUN=api. */
const main = async () => {
  const config = validateConfig(process.env);
  const logger = new Logger('relief-ledger');
  const applied = await prepareDatabase(config);
  if (applied.length > 0) logger.log(`migrations applied: ${applied.join(', ')}`);
  const app = await createApiApp(config, { withProjector: config.RUN === 'all' });
  await app.listen(config.PORT);
  logger.log(`listening on http://localhost:${config.PORT} (OpenAPI at /docs; projector ${config.RUN === 'all' ? 'in this process' : 'not running here'})`);
};

main().catch((error) => {
  // One clear line for a bad setting; the stack only for the unexpected.
  console.error(error instanceof ConfigInvalid ? error.message : error);
  process.exit(1);
});
