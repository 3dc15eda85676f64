import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@lib/application';
import { ApiModule } from './api.module';

/**
 * The HTTP application, configured the same way for `npm start`, the e2e tests and the
 * benchmarks: body limit, OpenAPI at /docs, shutdown hooks.
 */
export const createApiApp = async (config: AppConfig, options: { withProjector: boolean; logger?: false }): Promise<NestExpressApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot({ withProjector: options.withProjector }), {
    bodyParser: false,
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  app.useBodyParser('json', { limit: config.BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('relief-ledger')
      .setDescription('Event-sourced workflow engine for public support programmes (NQ 42/NQ-CP, QĐ 15/2020/QĐ-TTg). Errors are application/problem+json.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
  return app;
};
