import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { textFault } from './text-faults';

const faultOf = (value: unknown): string | null =>
  typeof value === 'string' ? textFault(value) : Array.isArray(value) ? value.map(faultOf).find((fault) => fault !== null) ?? null : null;

/**
 * NUL (or a lone surrogate) means nothing in any query or path parameter of this API, and PostgreSQL refuses it in
 * text: refused up front as bad input, before a query (or a CSV stream) could start on it.
 */
export const refuseNulInParameters = (fastify: FastifyInstance): void => {
  fastify.addHook('preValidation', async (request) => {
    for (const [where, values] of [['query', request.query], ['path', request.params]] as const) {
      for (const [name, value] of Object.entries((values ?? {}) as Record<string, unknown>)) {
        const fault = faultOf(value);
        if (fault) {
          throw new BadRequestException({ errors: [{ field: name, message: fault, params: { where } }], code: 'validation-failed' });
        }
      }
    }
  });
};
