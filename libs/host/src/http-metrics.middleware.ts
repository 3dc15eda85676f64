import type { NextFunction, Request, Response } from 'express';
import { httpDuration } from '@lib/platform';

/** Labels by route pattern (`/applications/:id`), never by the path itself: bounded cardinality. */
export const httpMetrics = (request: Request, response: Response, next: NextFunction): void => {
  const end = httpDuration.startTimer();
  response.on('finish', () => {
    const route = request.route?.path ? `${request.baseUrl ?? ''}${request.route.path}` : 'unmatched';
    end({ method: request.method, route, status: String(response.statusCode) });
  });
  next();
};
