import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem } from './problem';

/**
 * What Fastify's router refuses before any route runs (an undecodable path, a path parameter
 * longer than the router keeps) is bad input like any other: a 400 problem, not Fastify's own JSON.
 */
export const frameworkErrorAsProblem = (error: Error & { code?: string }, _request: FastifyRequest, reply: FastifyReply): void => {
  const detail = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'a path parameter is longer than any identifier this API knows' : 'the request path is not a valid URL';
  const body = problem(400, 'validation-failed', detail, { errors: [{ field: 'path', message: detail }] });
  void reply.code(400).type('application/problem+json').send(JSON.stringify(body));
};
