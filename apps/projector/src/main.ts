import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigInvalid, validateConfig } from '@lib/application';
import { prepareDatabase } from '@lib/projections';
import { ProjectorAppModule } from './projector-app.module';

const main = async () => {
  const config = validateConfig(process.env);
  await prepareDatabase(config);
  const app = await NestFactory.createApplicationContext(ProjectorAppModule);
  app.enableShutdownHooks();
  new Logger('relief-ledger').log('projector running: LISTEN events_appended, polling every second as a fallback');
};

main().catch((error) => {
  console.error(error instanceof ConfigInvalid ? error.message : error);
  process.exit(1);
});
