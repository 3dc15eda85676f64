import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import multipart from '@fastify/multipart';
import { correlationIdOf, registerRequestHooks } from '@lib/host';
import type { AppConfig, EmbeddedDatabase } from '@lib/platform';
import { ApiModule } from './api.module';
import { serveConsole } from './console/serve-console';
import { devSignInEnabled } from './dev-sign-in/dev-sign-in';
import { clientErrorAsProblem, frameworkErrorAsProblem } from './problem/framework-errors';
import { refuseNulInParameters } from './http/refuse-nul';
import { checkJsonBodies } from './http/json-body';
import { registerSecurityHeaders } from './http/security-headers';
import { createOpenApiDocument } from './openapi/openapi-document';

/** TRUST_PROXY as Fastify takes it: hops as a number (which its types omit), otherwise the list of proxies as given. */
const trustProxy = (setting: string): string => (/^\d+$/.test(setting) ? (Number(setting) as unknown as string) : setting);

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** BODY_LIMIT (`256kb`, `1mb`) in bytes; the setting's format is checked at start-up. */
export const bodyLimitBytes = (setting: string): number => {
  const [, amount, unit] = /^(\d+)(b|kb|mb)$/i.exec(setting)!;
  return Number(amount) * UNITS[unit.toLowerCase()];
};

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
 * The HTTP application on Fastify, configured the same way for `npm start`, the e2e tests and
 * the benchmarks: JSON logs, HTTP metrics, body limit, OpenAPI at /docs. Shutdown on SIGTERM is
 * main.ts's (@lib/host's graceful shutdown), so tests can start and close apps freely.
 */
/** The largest spreadsheet an import accepts: 10,000 rows of a form are about 1 MB as XLSX. */
export const IMPORT_MAX_FILE_BYTES = 20 * 1024 * 1024;

export const createApiApp = async (config: AppConfig, options: ApiAppOptions): Promise<NestFastifyApplication> => {
  const quiet = options.logger === false && !options.logStream;
  const bodyLimit = bodyLimitBytes(config.BODY_LIMIT);
  const adapter = new FastifyAdapter({
    bodyLimit,
    genReqId: correlationIdOf,
    requestIdHeader: false,
    frameworkErrors: frameworkErrorAsProblem,
    clientErrorHandler: clientErrorAsProblem,
    ...(config.TRUST_PROXY ? { trustProxy: trustProxy(config.TRUST_PROXY) } : {}),
  });
  const fastify = adapter.getInstance();
  // application/*+json bodies (problem+json, merge-patch) parse as JSON does, with the same limits.
  fastify.addContentTypeParser(/^application\/[a-z0-9.+-]+\+json$/i, { parseAs: 'string', bodyLimit }, fastify.getDefaultJsonParser('error', 'error'));
  // Spreadsheet uploads (POST /imports): one file, a few fields; the file's own limit, not BODY_LIMIT.
  await fastify.register(multipart as never, { limits: { files: 1, fields: 10, parts: 12, fileSize: IMPORT_MAX_FILE_BYTES } });
  registerRequestHooks(fastify);
  refuseNulInParameters(fastify);
  checkJsonBodies(fastify);
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot({ config, devSignIn: devSignInEnabled(config), withProjector: options.withProjector, embedded: options.embedded, log: quiet ? false : options.logStream }),
    adapter,
    { bufferLogs: !quiet, logger: quiet ? false : undefined },
  );
  if (!quiet) app.useLogger(app.get(Logger));
  await registerSecurityHeaders(app);
  serveConsole(app);
  SwaggerModule.setup('docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'docs/json' });
  return app;
};
