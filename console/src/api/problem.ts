import type { components } from './schema';

/** A refusal as the API sends it (application/problem+json), or one the console makes for a network failure (status 0). */
export type Problem = components['schemas']['ProblemResponse'] & { [extension: string]: unknown };

export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.detail || problem.title}`);
  }
}

export const isProblem = (error: unknown): error is ApiProblem => error instanceof ApiProblem;

/** A problem for an answer that is not problem+json (a proxy's error page, say). */
export const httpProblem = (status: number, statusText: string, text: string): Problem => ({
  type: 'about:blank',
  status,
  code: `http-${status}`,
  title: statusText || `HTTP ${status}`,
  detail: text.slice(0, 500),
});

/** Any thrown thing as a problem to show: the API's own, or one made up for a network failure. */
export const toProblem = (error: unknown): Problem =>
  error instanceof ApiProblem
    ? error.problem
    : { type: 'about:blank', status: 0, code: 'network', title: 'network', detail: error instanceof Error ? error.message : String(error) };

/** The body of a refused answer as a problem, whatever it holds. */
export const problemFrom = (status: number, statusText: string, text: string): Problem => {
  try {
    const body: unknown = text ? JSON.parse(text) : null;
    if (body && typeof body === 'object' && 'status' in body && 'code' in body) return body as Problem;
  } catch {
    // not JSON: the text becomes the detail
  }
  return httpProblem(status, statusText, text);
};
