import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig, EmbeddedDatabase } from '@lib/platform';
import { ApiModule } from './api.module';
import { serveConsole } from './console/serve-console';
import { devSignInEnabled } from './dev-sign-in/dev-sign-in';
import { httpMetrics } from '@lib/host';

/** Express's `trust proxy`: hops as a number, otherwise the list of proxies as given. */
const trustProxy = (setting: string): number | string => (/^\d+$/.test(setting) ? Number(setting) : setting);

export interface ApiAppOptions {
  withProjector: boolean;
  /** `false`: no log at all (tests). */
  logger?: false;
  /** Trial mode: run on the embedded database. */
  embedded?: EmbeddedDatabase;
  /** Send the JSON log lines here instead of stdout (tests read them). */
  logStream?: DestinationStream;
}

/**
 * The HTTP application, configured the same way for `npm start`, the e2e tests and the
 * benchmarks: JSON logs, HTTP metrics, body limit, OpenAPI at /docs. Shutdown on SIGTERM is
 * main.ts's (@lib/host's graceful shutdown), so tests can start and close apps freely.
 */
export const createApiApp = async (config: AppConfig, options: ApiAppOptions): Promise<NestExpressApplication> => {
  const quiet = options.logger === false && !options.logStream;
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.forRoot({ config, devSignIn: devSignInEnabled(config), withProjector: options.withProjector, embedded: options.embedded, log: quiet ? false : options.logStream }),
    { bodyParser: false, bufferLogs: !quiet, logger: quiet ? false : undefined },
  );
  if (!quiet) app.useLogger(app.get(Logger));
  app.use(httpMetrics);
  app.useBodyParser('json', { limit: config.BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  app.disable('x-powered-by');
  if (config.TRUST_PROXY) app.set('trust proxy', trustProxy(config.TRUST_PROXY));
  serveConsole(app);
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
