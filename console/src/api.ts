/**
 * The console's only way to the service: the public HTTP API of API.md, with the user's
 * bearer token. Every refusal arrives as application/problem+json and is thrown as a Problem.
 */

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.detail ?? problem.title}`);
  }
}

export const isProblem = (error: unknown): error is ApiProblem => error instanceof ApiProblem;

/** Any thrown thing as a problem to show: the API's own, or one made up for a network failure. */
export const toProblem = (error: unknown): Problem =>
  error instanceof ApiProblem
    ? error.problem
    : { status: 0, code: 'network', title: 'network', detail: error instanceof Error ? error.message : String(error) };

let token: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export const setToken = (value: string | null): void => {
  token = value;
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
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const used = options.anonymous ? null : token;
  if (used) headers.Authorization = `Bearer ${used}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const response = await fetch(path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const problem: Problem =
      body && typeof body === 'object' && 'status' in body
        ? (body as Problem)
        : { status: response.status, code: `http-${response.status}`, title: response.statusText || `HTTP ${response.status}`, detail: text.slice(0, 500) };
    // Only a refusal of the token still in use signs out: a late answer from before a sign-out must not end the next session.
    if (response.status === 401 && used && used === token) onUnauthenticated?.();
    throw new ApiProblem(problem);
  }
  return body as T;
};

export const get = <T>(path: string): Promise<T> => request<T>('GET', path);

/**
 * A file the API streams (the CSV exports): fetched with the session's token, since a plain
 * link would carry none, then handed to the browser as a download. A refusal throws its problem.
 */
export const download = async (path: string, filename: string): Promise<void> => {
  const headers: Record<string, string> = { Accept: 'text/csv, application/problem+json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { headers });
  if (!response.ok) {
    const text = await response.text();
    let problem: Problem = { status: response.status, code: `http-${response.status}`, title: response.statusText || `HTTP ${response.status}`, detail: text.slice(0, 500) };
    try {
      const body = JSON.parse(text);
      if (body && typeof body === 'object' && 'status' in body) problem = body as Problem;
    } catch {
      // not problem+json: keep the text as the detail
    }
    throw new ApiProblem(problem);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};
export const post = <T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> =>
  request<T>('POST', path, { ...options, body });

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

// ---- Shapes of the API's answers (API.md), as far as the console reads them ----

export interface CommandResult {
  id: string;
  status: string;
  version: number;
}

export interface ApplicationSummary {
  id: string;
  programme: string;
  category: string;
  ward: string;
  status: string;
  currentStep: string | null;
  version: number;
  fullName: string;
  approvedAmount: number;
  paidAmount: number;
  submittedAt: string;
  updatedAt: string;
}

export interface Applicant {
  citizenId: string;
  fullName: string;
  dateOfBirth: string;
  ward: string;
  address: string;
  phone?: string;
  bankAccount?: string;
}

export interface ApplicationView {
  id: string;
  programme: string;
  programmeVersion?: number;
  category: string;
  ward: string;
  status: string;
  currentStep: string | null;
  steps?: string[];
  version: number;
  applicant: Applicant;
  claim?: Record<string, unknown> & { months?: string[] };
  claimedAmount?: number;
  approvedMonths?: string[] | null;
  approvedAmount: number;
  paidAmount: number;
  recoveryOrderedAmount?: number;
  recoveredAmount?: number;
  submittedAt: string;
  updatedAt: string;
}

export interface HistoryEvent {
  eventId?: string;
  streamId?: string;
  position: number;
  version: number;
  type: string;
  schemaVersion?: number;
  data: Record<string, unknown>;
  storedData?: Record<string, unknown>;
  metadata: { actorId: string; role: string | null; ward: string | null; commandId: string; correlationId: string; causationId?: string | null };
  recordedAt: string;
  hash: string;
}

export interface ClaimField {
  name: string;
  type: 'string' | 'date' | 'integer' | 'boolean' | 'enum';
  required: boolean;
  values?: string[];
  min?: number;
  max?: number;
}

export interface StepDefinition {
  name: string;
  kind: 'intake' | 'review' | 'posting' | 'approval' | 'decision' | 'payment';
  role: string;
  timeLimitWorkingDays: number | null;
  legalBasis?: string;
}

export interface Category {
  code: string;
  title: string;
  rate: number;
  unit: string;
  maxMonths: number;
  window?: { from: string; to: string };
  payment: 'monthly' | 'once';
  claimFields: ClaimField[];
  steps: StepDefinition[];
}

export interface Programme {
  id: string;
  version: number;
  title: string;
  legalBasis?: string[];
  categories: Category[];
}

const programmes = new Map<string, Promise<Programme>>();

/** GET /programmes/{id}, once per programme and version. */
export const getProgramme = (id: string, version?: number): Promise<Programme> => {
  const key = `${id}@${version ?? 'latest'}`;
  let cached = programmes.get(key);
  if (!cached) {
    cached = get<Programme>(`/programmes/${encodeURIComponent(id)}${query({ version })}`);
    cached.catch(() => programmes.delete(key));
    programmes.set(key, cached);
  }
  return cached;
};

/** The read models follow the log a moment later: wait until the application shows `version`. */
export const waitForVersion = async (id: string, version: number, timeoutMs = 8000): Promise<ApplicationView | null> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const view = await get<ApplicationView>(`/applications/${id}`);
      if (view.version >= version) return view;
    } catch (error) {
      if (!(isProblem(error) && error.problem.status === 404)) throw error;
    }
    if (Date.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
};
