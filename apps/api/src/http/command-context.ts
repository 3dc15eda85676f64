import { BadRequestException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '@lib/domain';
import type { CommandContext, CommandResult } from '@lib/application';
import type { CommandBinding } from '@lib/event-store';
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
  // Keys are per officer: two officers' clients that pick the same key never collide. The
  // officer's id is escaped, so `a:b` + `c` and `a` + `b:c` stay apart (a key has no `%`).
  const commandId = key ? `${encodeURIComponent(actor.id)}:${key}` : randomUUID();
  return {
    actor,
    commandId,
    ...(key ? { binding: bindingOf(request, actor) } : { freshCommandId: commandId }),
    correlationId: correlation && KEY.test(correlation) ? correlation : randomUUID(),
    expectedVersion: match ? Number(match[1]) : undefined,
  };
};

/** JSON with keys sorted at every level: the same body hashes the same whatever its key order. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((name) => `${JSON.stringify(name)}:${canonical((value as Record<string, unknown>)[name])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

/** What an Idempotency-Key is used for: the officer, the route, its target (path parameters) and the body's hash. */
const bindingOf = (request: HttpRequest, actor: Actor): CommandBinding => {
  const routed = request as unknown as { method: string; routeOptions?: { url?: string }; params?: Record<string, string>; body?: unknown };
  return {
    issuedBy: actor.id,
    route: `${routed.method} ${routed.routeOptions?.url ?? ''}`,
    target: Object.values(routed.params ?? {}).join('/'),
    bodyHash: createHash('sha256').update(canonical(routed.body ?? null)).digest('hex'),
  };
};

export const withETag = (reply: HttpReply, result: CommandResult): CommandResult => {
  reply.header('ETag', `"${result.version}"`);
  return result;
};
