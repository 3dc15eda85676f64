import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ClaimInvalid, DomainError, DuplicateSupport, ListStepRefused, NotEligible, NotPermitted, AmountMismatch } from '@lib/domain';
import { TooMuchContention, VersionMismatch } from '@lib/application';
import { isDatabaseUnavailable } from '@lib/platform';
import { InvalidCursor } from '@lib/projections';
import { problem, type Problem } from './problem';

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

const fromDomain = (error: DomainError): Problem => {
  const extensions: Record<string, unknown> = {};
  if (error instanceof ClaimInvalid) extensions.errors = error.errors;
  if (error instanceof NotEligible) extensions.errors = error.reasons;
  if (error instanceof DuplicateSupport) extensions.conflictingApplicationIds = error.conflictingApplicationIds;
  if (error instanceof AmountMismatch) Object.assign(extensions, { expectedAmount: error.expected, givenAmount: error.given });
  if (error instanceof NotPermitted) extensions.reason = error.reason;
  if (error instanceof ListStepRefused) extensions.errors = error.refusals;
  return problem(DOMAIN_STATUS[error.code], error.code, error.message, extensions);
};

/** Failures of Fastify's own body parsing reach Nest as errors carrying `code` and `statusCode`. */
const fromBodyParser = (error: { code?: string; statusCode?: number; message: string }): Problem | null => {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problem(413, 'payload-too-large', 'the request body is larger than the service accepts');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return problem(415, 'unsupported-media-type', error.message);
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return problem(400, 'validation-failed', 'the body is empty; send a JSON object');
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return problem(400, 'validation-failed', `the body is not valid JSON: ${error.message}`);
  const status = error.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return problem(status, HTTP_CODES[status] ?? 'validation-failed', error.message);
  return null;
};

const fromHttp = (error: HttpException): Problem => {
  const status = error.getStatus();
  const body = error.getResponse() as string | { message?: string | string[]; errors?: unknown; code?: string };
  if (typeof body === 'object' && body.errors) return problem(status, body.code ?? HTTP_CODES[status], String(body.message), { errors: body.errors });
  const message = typeof body === 'string' ? body : Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? error.message);
  return problem(status, (typeof body === 'object' && body.code) || HTTP_CODES[status] || (status >= 500 ? 'internal' : 'validation-failed'), message);
};

/** Every error leaves as application/problem+json; only a real fault is a 500, and it is logged. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toProblem(error);
    if (body.status >= 500 && body.code !== 'unavailable' && body.code !== 'contention') this.logger.error(error);
    if (body.status === 503) reply.header('Retry-After', '1');
    reply.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(error: unknown): Problem {
    if (error instanceof DomainError) return fromDomain(error);
    if (error instanceof VersionMismatch) return problem(412, 'version-mismatch', error.message, { currentVersion: error.actual });
    if (error instanceof TooMuchContention) return problem(503, 'contention', error.message);
    if (error instanceof InvalidCursor) return problem(400, 'validation-failed', error.message, { errors: [{ field: 'cursor', message: error.message }] });
    if (error instanceof HttpException) return fromHttp(error);
    // Down, restarting, out of connections or too slow: retry later, never a 500 or a hang.
    if (isDatabaseUnavailable(error)) return problem(503, 'unavailable', 'the database is unavailable or too slow right now; retry shortly');
    const parsed = error instanceof Error ? fromBodyParser(error as Error & { code?: string; statusCode?: number }) : null;
    return parsed ?? problem(500, 'internal', 'an unexpected error occurred; it has been logged');
  }
}
