import type { FastifyInstance } from 'fastify';
import { httpDuration } from '@lib/platform';

/**
 * Per request: the correlation id (the request's id, see http-logging.ts) echoed back, and the
 * duration labelled by route pattern (`/applications/:id`), never by path: bounded cardinality.
 */
const routes = new WeakMap<FastifyInstance, string[]>();

/** Every `METHOD /path` the server answers (HEAD routes Fastify adds for GET left out): for the authorization table's completeness check. */
export const servedRoutes = (fastify: FastifyInstance): string[] => [...(routes.get(fastify) ?? [])];

export const registerRequestHooks = (fastify: FastifyInstance): void => {
  const served: string[] = [];
  routes.set(fastify, served);
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') served.push(`${method} ${route.url}`);
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Correlation-Id', request.id);
    done();
  });
  // The request log (pino-http, on the raw request) names a created application by its Location.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const location = reply.getHeader('location');
    if (typeof location === 'string') (request.raw as { location?: string }).location = location;
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
};
