import { Catch, HttpException, Logger, Optional, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClaimInvalid, DomainError, DuplicateSupport, ListStepRefused, NotEligible, NotPermitted, AmountMismatch, type Label, type MessageParams } from '@lib/domain';
import { TooMuchContention, VersionMismatch } from '@lib/application';
import { CommandIdReused } from '@lib/event-store';
import { isDatabaseUnavailable, ProgrammeRegistry } from '@lib/platform';
import { InvalidCursor } from '@lib/projections';
import { negotiateLanguage } from './messages/language';
import { MessageRenderer } from './messages/message-renderer';
import { draft, word, type FieldText, type ProblemDraft } from './problem';

const DOMAIN_STATUS: Record<DomainError['code'], number> = {
  'invalid-transition': 409,
  'duplicate-support': 409,
  'amount-mismatch': 409,
  forbidden: 403,
  'validation-failed': 400,
  'not-eligible': 422,
  'not-found': 404,
  'list-step-refused': 409,
};

const HTTP_CODES: Record<number, string> = {
  400: 'validation-failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'invalid-transition',
  412: 'version-mismatch',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'validation-failed',
  429: 'rate-limited',
  503: 'unavailable',
};

const fromDomain = (error: DomainError): ProblemDraft => {
  const extensions: Record<string, unknown> = {};
  let errors: FieldText[] | undefined;
  if (error instanceof ClaimInvalid) errors = error.errors;
  if (error instanceof NotEligible) errors = error.reasons;
  if (error instanceof DuplicateSupport) extensions.conflictingApplicationIds = error.conflictingApplicationIds;
  if (error instanceof AmountMismatch) Object.assign(extensions, { expectedAmount: error.expected, givenAmount: error.given });
  if (error instanceof NotPermitted) extensions.reason = error.reason;
  // With field errors the detail lists them; otherwise it is the refusal itself.
  const listRefusals = error instanceof ListStepRefused ? error.refusals : undefined;
  return draft(DOMAIN_STATUS[error.code], error.code, errors ? undefined : { key: error.key, params: error.params }, { errors, extensions, listRefusals });
};

/** Failures of Fastify's own body parsing reach Nest as errors carrying `code` and `statusCode`. */
const fromBodyParser = (error: { code?: string; statusCode?: number; message: string }): ProblemDraft | null => {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return draft(413, 'payload-too-large', { key: 'body.too-large' });
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return draft(415, 'unsupported-media-type', { key: 'media.json' });
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return draft(400, 'validation-failed', { key: 'body.empty' });
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return draft(400, 'validation-failed', { key: 'body.not-json' }, { extensions: { parserMessage: error.message } });
  const status = error.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return draft(status, HTTP_CODES[status] ?? 'validation-failed', { key: error.message });
  return null;
};

/**
 * An HttpException's body: `{ key, params }` (the API's own refusals, see refusal.ts),
 * `{ errors }` (validation, each message a key), or a framework's sentence kept as it is.
 */
type HttpBody = string | { message?: string | string[]; errors?: FieldText[]; code?: string; key?: string; params?: MessageParams };

const fromHttp = (error: HttpException): ProblemDraft => {
  const status = error.getStatus();
  const body = error.getResponse() as HttpBody;
  const code = (typeof body === 'object' && body.code) || HTTP_CODES[status] || (status >= 500 ? 'internal' : 'validation-failed');
  if (status === 429) return draft(status, code, { key: 'rate.limited' });
  if (typeof body === 'object' && body.key) return draft(status, code, { key: body.key, params: body.params }, { errors: body.errors });
  if (typeof body === 'object' && body.errors) return draft(status, code, undefined, { errors: body.errors });
  const message = typeof body === 'string' ? body : Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? error.message);
  return draft(status, code, { key: message });
};

/** Every step's label across the loaded programmes: refusals name steps the way officers do. */
export const stepLabels = (programmes?: ProgrammeRegistry): Map<string, Label> => {
  const labels = new Map<string, Label>();
  for (const programme of programmes?.all() ?? []) {
    for (const category of programme.categories) {
      for (const step of category.steps) if (step.label && !labels.has(step.name)) labels.set(step.name, step.label);
    }
  }
  return labels;
};

/**
 * Every error leaves as application/problem+json in the request's language (Accept-Language:
 * Vietnamese unless English is preferred); only a real fault is a 500, and it is logged.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');
  private readonly renderer: MessageRenderer;

  constructor(@Optional() programmes?: ProgrammeRegistry) {
    this.renderer = new MessageRenderer(stepLabels(programmes));
  }

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest | undefined>();
    const lang = negotiateLanguage(request?.headers?.['accept-language']);
    let body;
    try {
      body = word(this.toDraft(error), lang, this.renderer);
    } catch (wording) {
      // Wording must never leave a request unanswered: the bare problem, in English, and the fault logged.
      this.logger.error(wording);
      body = { type: '/problems/internal', title: 'Internal error', status: 500, detail: 'an unexpected error occurred; it has been logged', code: 'internal' };
    }
    if (body.status >= 500 && body.code !== 'unavailable' && body.code !== 'contention') this.logger.error(error);
    if (body.status === 503) reply.header('Retry-After', '1');
    reply.header('Content-Language', lang).header('Vary', 'Accept-Language');
    // The exports' own budget names its header Retry-After-exports; clients read Retry-After.
    if (body.status === 429 && reply.getHeader('Retry-After') === undefined && reply.getHeader('Retry-After-exports') !== undefined) reply.header('Retry-After', reply.getHeader('Retry-After-exports'));
    reply.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toDraft(error: unknown): ProblemDraft {
    if (error instanceof DomainError) return fromDomain(error);
    if (error instanceof VersionMismatch) return draft(412, 'version-mismatch', { key: 'version.mismatch', params: { expected: error.expected, current: error.actual } }, { extensions: { currentVersion: error.actual } });
    if (error instanceof TooMuchContention) return draft(503, 'contention', { key: 'contention.retry', params: { attempts: error.attempts } });
    if (error instanceof CommandIdReused) {
      return draft(422, 'idempotency-key-reused', { key: 'idempotency.reused' }, { errors: [{ field: 'Idempotency-Key', message: 'idempotency.reused-field' }] });
    }
    if (error instanceof InvalidCursor) return draft(400, 'validation-failed', { key: 'field.cursor' }, { errors: [{ field: 'cursor', message: 'field.cursor' }] });
    // The Fastify adapter wraps the body parser's refusals; the parser's own code says which.
    const cause = error instanceof HttpException ? (error.cause as (Error & { code?: string; statusCode?: number }) | undefined) : undefined;
    const parserRefusal = cause && typeof cause.code === 'string' && cause.code.startsWith('FST_ERR_CTP_') ? fromBodyParser(cause) : null;
    if (parserRefusal) return parserRefusal;
    if (error instanceof HttpException) return fromHttp(error);
    // Down, restarting, out of connections or too slow: retry later, never a 500 or a hang.
    if (isDatabaseUnavailable(error)) return draft(503, 'unavailable', { key: 'database.unavailable' });
    const parsed = error instanceof Error ? fromBodyParser(error as Error & { code?: string; statusCode?: number }) : null;
    return parsed ?? draft(500, 'internal', { key: 'internal.logged' });
  }
}
