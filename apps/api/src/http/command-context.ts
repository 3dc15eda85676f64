import { BadRequestException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@lib/domain';
import type { CommandContext, CommandResult } from '@lib/application';
import { headerOf, type HttpReply, type HttpRequest } from './http-exchange';

const IF_MATCH = /^(?:W\/)?"?(\d{1,9})"?$/;
const KEY = /^[A-Za-z0-9._:-]{1,200}$/;

/** Idempotency-Key, If-Match and the correlation id, read once for every command endpoint. */
export const commandContext = (request: HttpRequest, actor: Actor): CommandContext => {
  const key = headerOf(request, 'idempotency-key');
  if (key !== undefined && !KEY.test(key)) {
    throw new BadRequestException({ key: 'header.idempotency-key', errors: [{ field: 'Idempotency-Key', message: 'header.idempotency-key' }] });
  }
  const ifMatch = headerOf(request, 'if-match');
  const match = ifMatch === undefined ? undefined : IF_MATCH.exec(ifMatch.trim());
  if (ifMatch !== undefined && !match) {
    throw new BadRequestException({ key: 'header.if-match', errors: [{ field: 'If-Match', message: 'header.if-match' }] });
  }
  // The request logger's id (X-Correlation-Id or generated): the same in log lines and events.
  const logged = (request.raw as { id?: unknown }).id;
  const correlation = typeof logged === 'string' ? logged : headerOf(request, 'x-correlation-id');
  return {
    actor,
    // Keys are per officer: two officers' clients that pick the same key never collide.
    commandId: key ? `${actor.id}:${key}` : randomUUID(),
    correlationId: correlation && KEY.test(correlation) ? correlation : randomUUID(),
    expectedVersion: match ? Number(match[1]) : undefined,
  };
};

export const withETag = (reply: HttpReply, result: CommandResult): CommandResult => {
  reply.header('ETag', `"${result.version}"`);
  return result;
};
