import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiModule } from '../api.module';
import { createOpenApiDocument } from './openapi-document';

/**
 * The OpenAPI document without a database: Nest's preview mode builds the module graph and
 * reads the controllers' metadata but instantiates no provider, so no pool ever dials. The
 * development sign-in is included because the console calls it.
 */
export const offlineOpenApiDocument = async (): Promise<OpenAPIObject> => {
  const app = await NestFactory.create(ApiModule.forRoot({ withProjector: false, devSignIn: true, log: false }), new FastifyAdapter(), { preview: true, abortOnError: false, logger: false });
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
};
