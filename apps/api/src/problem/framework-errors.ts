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
  const body = JSON.stringify(problem(status, code, detail));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/problem+json\r\n\r\n${body}`);
  }
  socket.destroy(error);
};
