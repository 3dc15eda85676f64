import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@lib/platform';
import { ProjectorAppModule } from './projector-app.module';

/** The projector's Nest app, started: its probes and metrics on PROJECTOR_PORT unless that is 0. */
export const startProjectorApp = async (config: AppConfig): Promise<NestFastifyApplication> => {
  // Fastify, as the API: without an adapter Nest looks for @nestjs/platform-express, which is not installed, and exits.
  const app = await NestFactory.create<NestFastifyApplication>(ProjectorAppModule.forRoot(config), new FastifyAdapter(), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  if (config.PROJECTOR_PORT > 0) await app.listen(config.PROJECTOR_PORT, '0.0.0.0');
  else await app.init();
  return app;
};
