import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

const hasNul = (value: unknown): boolean =>
  typeof value === 'string' ? value.includes('\u0000') : Array.isArray(value) ? value.some(hasNul) : false;

/**
 * NUL means nothing in any query or path parameter of this API, and PostgreSQL refuses it in
 * text: refused up front as bad input, before a query (or a CSV stream) could start on it.
 */
export const refuseNulInParameters = (fastify: FastifyInstance): void => {
  fastify.addHook('preValidation', async (request) => {
    for (const [where, values] of [['query', request.query], ['path', request.params]] as const) {
      for (const [name, value] of Object.entries((values ?? {}) as Record<string, unknown>)) {
        if (hasNul(value)) {
          const message = `${where} parameter ${name} contains a NUL character`;
          throw new BadRequestException({ message, errors: [{ field: name, message }], code: 'validation-failed' });
        }
      }
    }
  });
};
