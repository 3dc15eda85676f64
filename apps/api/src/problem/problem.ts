import type { FieldError } from '@lib/domain';

/** RFC 9457 problem details, with the stable `code` of API.md. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<string, string> = {
  'validation-failed': 'The request is not valid',
  'not-eligible': 'The claim does not meet the programme’s conditions',
  unauthenticated: 'Authentication is required',
  forbidden: 'Not allowed',
  'not-found': 'Not found',
  'invalid-transition': 'Not allowed in the application’s current state',
  'duplicate-support': 'The person already holds support that cannot be combined',
  'amount-mismatch': 'The amount differs from the approved amount',
  'version-mismatch': 'The application has changed since the version named in If-Match',
  'payload-too-large': 'The request body is too large',
  'unsupported-media-type': 'The request body must be JSON',
  'rate-limited': 'Too many requests',
  contention: 'Too many concurrent changes',
  unavailable: 'The service is temporarily unavailable',
  internal: 'Internal error',
  'unsupported-file': 'The file is not an XLSX or CSV spreadsheet / Tệp không phải bảng tính XLSX hoặc CSV',
  'list-step-refused': 'Some applications on the list cannot take this step / Một số hồ sơ trong danh sách không thể thực hiện bước này',
};

export const problem = (status: number, code: string, detail: string, extensions: Record<string, unknown> = {}): Problem => ({
  type: `/problems/${code}`,
  title: TITLES[code] ?? code,
  status,
  detail,
  code,
  ...extensions,
});
