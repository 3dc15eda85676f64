import type { FastifyReply, FastifyRequest } from 'fastify';

export type HttpRequest = FastifyRequest;
export type HttpReply = FastifyReply;

/** One request header as a single string (a repeated header is not accepted as one). */
export const headerOf = (request: HttpRequest, name: string): string | undefined => {
  const value = request.headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
};
