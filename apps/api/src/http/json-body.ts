import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { textFault } from './text-faults';

/** No request of this API nests deeper than a handful of levels; 32 leaves room and stops recursion-heavy validation. */
export const MAX_JSON_DEPTH = 32;

const refuse = (field: string, key: string, params?: Record<string, number>) => new BadRequestException({ errors: [{ field, message: key, params }], code: 'validation-failed' });

/**
 * Walks a parsed body without recursion (a body nested 20,000 deep must not overflow the stack
 * here either): too deep, or a string with a NUL or a lone surrogate, is bad input before any
 * validator, decider or PostgreSQL (which refuses both in text and jsonb) sees it.
 */
export const checkJsonBody = (body: unknown): void => {
  const stack: [unknown, string, number][] = [[body, '', 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value === 'string') {
      const fault = textFault(value);
      if (fault) throw refuse(path || 'body', fault);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) throw refuse(path || 'body', 'body.too-deep', { max: MAX_JSON_DEPTH });
    for (const [key, item] of Object.entries(value)) {
      const fault = textFault(key);
      if (fault) throw refuse(path || 'body', fault === 'text.nul' ? 'text.property-name-nul' : 'text.property-name-lone-surrogate');
      stack.push([item, path ? `${path}.${key}` : key, depth + 1]);
    }
  }
};

/**
 * Every parsed body (Nest's JSON parser and the application/*+json one) is checked before
 * validation: Fastify's parser already refuses __proto__ and constructor.prototype.
 */
export const checkJsonBodies = (fastify: FastifyInstance): void => {
  fastify.addHook('preValidation', async (request) => {
    if (request.body !== undefined) checkJsonBody(request.body);
  });
};
