import type { FastifyReply, FastifyRequest } from 'fastify';
import { negotiateLanguage } from './messages/language';
import { MessageRenderer } from './messages/message-renderer';
import { draft, word } from './problem';

const renderer = new MessageRenderer();

/**
 * What Fastify's router refuses before any route runs (an undecodable path, a path parameter
 * longer than the router keeps) is bad input like any other: a 400 problem, not Fastify's own JSON.
 */
export const frameworkErrorAsProblem = (error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void => {
  const key = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'path.too-long' : 'path.invalid';
  const lang = negotiateLanguage(request.headers['accept-language']);
  const body = word(draft(400, 'validation-failed', { key }, { errors: [{ field: 'path', message: key }] }), lang, renderer);
  void reply.code(400).type('application/problem+json').header('Content-Language', lang).header('Vary', 'Accept-Language').send(JSON.stringify(body));
};
