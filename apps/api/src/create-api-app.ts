import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig, EmbeddedDatabase } from '@lib/application';
import { ApiModule } from './api.module';
import { serveConsole } from './console/serve-console';
import { devSignInEnabled } from './dev-sign-in/dev-sign-in';
import { createOpenApiDocument } from './openapi/openapi-document';
import { httpMetrics } from './operations/http-metrics.middleware';

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
 * main.ts's (operations/graceful-shutdown.ts), so tests can start and close apps freely.
 */
export const createApiApp = async (config: AppConfig, options: ApiAppOptions): Promise<NestExpressApplication> => {
  const quiet = options.logger === false && !options.logStream;
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.forRoot({ devSignIn: devSignInEnabled(config), withProjector: options.withProjector, embedded: options.embedded, log: quiet ? false : options.logStream }),
    { bodyParser: false, bufferLogs: !quiet, logger: quiet ? false : undefined },
  );
  if (!quiet) app.useLogger(app.get(Logger));
  app.use(httpMetrics);
  app.useBodyParser('json', { limit: config.BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  app.disable('x-powered-by');
  if (config.TRUST_PROXY) app.set('trust proxy', trustProxy(config.TRUST_PROXY));
  serveConsole(app);
  SwaggerModule.setup('docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'docs/json' });
  return app;
};
