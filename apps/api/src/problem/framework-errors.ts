import { en } from './messages/en';
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

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers-too-large', 'the request line or headers are larger than the server accepts (a query string this long is never needed)'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request-timeout', 'the request was not received in time'],
};

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers or URL too large, a
 * malformed request line) is answered as problem+json too, then the connection is closed.
 */
export const clientErrorAsProblem = (error: Error & { code?: string }, socket: import('node:stream').Duplex): void => {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'validation-failed', 'the request is not valid HTTP'];
  // Below Fastify there is no negotiated language: the English title, the detail as the parser gave it.
  const title = (en.titles as Record<string, string>)[code] ?? code;
  const body = JSON.stringify({ type: `/problems/${code}`, title, status, detail, code });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/problem+json\r\n\r\n${body}`);
  }
  socket.destroy(error);
};
