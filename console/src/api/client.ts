import { ApiProblem, problemFrom } from './problem';

/**
 * The console's only way to the service: the public HTTP API, with the user's bearer token.
 * Every refusal is thrown as an ApiProblem.
 */
let token: string | null = null;
let onUnauthenticated: (() => void) | null = null;
let language = 'vi';

export const setToken = (value: string | null): void => {
  token = value;
};

export const currentToken = (): string | null => token;

/** The language the API words its refusals in (problem+json titles, details, field errors). */
export const setLanguage = (lang: string): void => {
  language = lang;
};

export const setUnauthenticatedHandler = (handler: (() => void) | null): void => {
  onUnauthenticated = handler;
};

export interface RequestOptions {
  body?: unknown;
  /** `If-Match: "<version>"`: refuse with 412 if the application moved on. */
  ifMatch?: number;
  /** A repeat with the same key returns the first response and appends nothing. */
  idempotencyKey?: string;
  /** Send no token (the trial sign-in). */
  anonymous?: boolean;
}

export const request = async <T>(method: string, path: string, options: RequestOptions = {}): Promise<T> => {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'Accept-Language': language };
  const used = options.anonymous ? null : token;
  if (used) headers.Authorization = `Bearer ${used}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const response = await fetch(path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  if (!response.ok) {
    // Only a refusal of the token still in use signs out: a late answer from before a sign-out must not end the next session.
    if (response.status === 401 && used && used === token) onUnauthenticated?.();
    throw new ApiProblem(problemFrom(response.status, response.statusText, text));
  }
  try {
    return (text ? JSON.parse(text) : null) as T;
  } catch {
    return null as T;
  }
};

export const get = <T>(path: string): Promise<T> => request<T>('GET', path);

export const post = <T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> => request<T>('POST', path, { ...options, body });

/** `?a=1&b=2` of the parameters that have a value; '' when none has. */
export const query = (params: Record<string, string | number | undefined | null>): string => {
  const entries = Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== '');
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([key, value]) => [key, String(value)])).toString()}`;
};

/** A fresh key per user action, so a double click or a retry records the command once. */
export const newIdempotencyKey = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
};
