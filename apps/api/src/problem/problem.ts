import type { ListRefusal, MessageParams } from '@lib/domain';
import type { Lang } from './messages/language';
import type { MessageRenderer } from './messages/message-renderer';

/** One refused field as the API sends it: where, and why in the request's language. */
export interface ProblemFieldError {
  field: string;
  message: string;
  /** The law's refusals keep a stable code beside their words (`refusal.<code>` in the catalogues). */
  code?: string;
}

/** One application (or list) a list act could not take, worded. */
export interface ListRefusalProblem {
  applicationId?: string;
  listId?: string;
  code: string;
  detail: string;
}

const REFUSAL_KEY = 'refusal.';

/** RFC 9457 problem details, with the stable `code` of API.md. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: ProblemFieldError[] | ListRefusalProblem[];
  [extension: string]: unknown;
}

/** Words still to be chosen: a message key (or, from a framework, a sentence of its own) and its params. */
export interface Text {
  key: string;
  params?: MessageParams;
}

/** A field error before rendering: `message` is a message key. */
export interface FieldText {
  field: string;
  message: string;
  params?: MessageParams;
}

/** A refusal decided but not yet worded: the filter words it in the request's language. */
export interface ProblemDraft {
  status: number;
  code: string;
  /** Absent: the field errors, listed. */
  detail?: Text;
  errors?: readonly FieldText[];
  extensions?: Record<string, unknown>;
  /** A list act's refusals, one per application or list: sent as `errors` with each `detail` worded. */
  listRefusals?: readonly ListRefusal[];
}

export const draft = (status: number, code: string, detail?: Text, more: Omit<ProblemDraft, 'status' | 'code' | 'detail'> = {}): ProblemDraft => ({
  status,
  code,
  detail,
  ...more,
});

/** The draft in words: title by code, detail and every field error by key, in `lang`. */
export const word = (problem: ProblemDraft, lang: Lang, renderer: MessageRenderer): Problem => {
  const errors = problem.errors?.map((error) => ({
    field: error.field,
    message: renderer.render(lang, error.message, error.params),
    ...(error.message.startsWith(REFUSAL_KEY) ? { code: error.message.slice(REFUSAL_KEY.length) } : {}),
  }));
  const detail = problem.detail
    ? renderer.render(lang, problem.detail.key, problem.detail.params)
    : (errors ?? []).map((error) => `${error.field}: ${error.message}`).join('; ');
  return {
    type: `/problems/${problem.code}`,
    title: renderer.title(lang, problem.code),
    status: problem.status,
    detail,
    code: problem.code,
    ...(problem.extensions ?? {}),
    ...(errors ? { errors } : {}),
    ...(problem.listRefusals
      ? { errors: problem.listRefusals.map(({ key, params, ...named }) => ({ ...named, detail: renderer.render(lang, key, params) })) }
      : {}),
  };
};
