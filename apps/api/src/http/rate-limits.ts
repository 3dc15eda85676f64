import { createHash } from 'node:crypto';
import type { ExecutionContext } from '@nestjs/common';

/**
 * The throttler's key without the route: one budget per client address (and throttler), so
 * 1,200 calls to one route leave nothing for the others. The library's default key includes
 * the controller and handler, which made every route a budget of its own.
 */
export const clientKey = (_context: ExecutionContext, tracker: string, throttler: string): string =>
  createHash('sha256').update(`${throttler}\u0000${tracker}`).digest('hex');

/** The CSV exports (their paths end in .csv), which get a tighter budget of their own. */
export const isExport = (context: ExecutionContext): boolean => {
  const request = context.switchToHttp().getRequest<{ routeOptions?: { url?: string }; url?: string }>();
  return /\.csv$/.test(request.routeOptions?.url ?? (request.url ?? '').split('?')[0]);
};
