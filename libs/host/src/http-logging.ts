import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { loggerOptions, maskText } from '@lib/platform';

/** The same shape as Idempotency-Key: a client's correlation id is kept only if it is tame. */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,200}$/;

type Request = IncomingMessage & { actor?: { id: string; roles: string[]; ward: string | null }; originalUrl?: string; location?: string };

const APPLICATION_PATH = /^\/applications\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[/?]|$)/i;

/**
 * X-Correlation-Id from the client, or a new one: the request's id in Fastify, so the request
 * log, every line logged while serving it and the events it appends all carry it.
 */
export const correlationIdOf = (request: IncomingMessage): string => {
  const header = request.headers['x-correlation-id'];
  return typeof header === 'string' && CORRELATION_ID.test(header) ? header : randomUUID();
};

/** The application a request was about: its path parameter, or the one it just created. */
const applicationIdOf = (request: Request): string | undefined => {
  // Under Fastify, middleware sees `url` with the matched path stripped; `originalUrl` is the request's.
  const id = APPLICATION_PATH.exec(request.originalUrl ?? request.url ?? '')?.[1];
  if (id) return id;
  return request.location ? /\/applications\/([0-9a-f-]{36})$/i.exec(request.location)?.[1] : undefined;
};

/** Who acted and on which application, once the request is served. */
const whoAndWhat = (incoming: IncomingMessage): Record<string, unknown> => {
  const request = incoming as Request;
  const actor = request.actor;
  const applicationId = applicationIdOf(request);
  return { ...(actor ? { actor: actor.id, roles: actor.roles, ward: actor.ward } : {}), ...(applicationId ? { applicationId } : {}) };
};

/**
 * pino-http for the API: one JSON line per request when it completes, with correlationId,
 * actor (officer, roles, ward) and applicationId; every line logged while serving the request
 * carries the correlationId too. Probes and scrapes are not logged.
 */
export const httpLoggingParams = (level: string, stream?: DestinationStream): Params => {
  const options: Options = {
      ...loggerOptions(level),
      genReqId: (request) => (request as Request & { id?: string }).id ?? correlationIdOf(request),
      customAttributeKeys: { reqId: 'correlationId', responseTime: 'durationMs' },
      quietReqLogger: true,
      // 503 is the service saying "not now" (database away, shutting down): worth a warning, not an error.
      customLogLevel: (_request, response, error) => (error || (response.statusCode >= 500 && response.statusCode !== 503) ? 'error' : response.statusCode === 503 ? 'warn' : 'info'),
      // pino-http invents an Error for every 5xx; the problem details say it better, so drop it.
      customErrorObject: (request, _response, error, value) => ({ ...value, ...(/^failed with status code/.test(error.message) ? { err: undefined } : {}), ...whoAndWhat(request) }),
      // In the line's own object, not as customProps: those cost a child logger per request.
      customSuccessObject: (request, _response, value) => ({ ...value, ...whoAndWhat(request) }),
      customSuccessMessage: (request, response) => `${request.method} ${maskText((request as Request).originalUrl ?? request.url ?? '')} ${response.statusCode}`,
      customErrorMessage: (request, response) => `${request.method} ${maskText((request as Request).originalUrl ?? request.url ?? '')} ${response.statusCode}`,
      autoLogging: { ignore: (request) => /^\/(health|metrics)(\/|$|\?)/.test((request as Request).originalUrl ?? request.url ?? '') },
      serializers: {
        req: (request: { method?: string; url?: string; raw?: { originalUrl?: string }; remoteAddress?: string }) => ({ method: request.method, url: maskText(request.raw?.originalUrl ?? request.url ?? ''), remoteAddress: request.remoteAddress }),
        res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
      },
  };
  // nestjs-pino's default route pattern ('{/*splat}') matches nothing under Fastify's middie; '*' does.
  return { pinoHttp: stream ? [options, stream] : options, forRoutes: [{ path: '*', method: RequestMethod.ALL }] };
};
