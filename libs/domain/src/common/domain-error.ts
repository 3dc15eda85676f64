import type { Label } from '../programme/programme-label';

/**
 * Every refusal the domain can give. The `code` is the stable string the HTTP API
 * puts in problem+json, so renaming one is a breaking change for clients.
 */
export type DomainErrorCode =
  | 'invalid-transition'
  | 'duplicate-support'
  | 'amount-mismatch'
  | 'forbidden'
  | 'validation-failed'
  | 'not-eligible'
  | 'not-found'
  | 'list-step-refused';

/**
 * What a message says, as data: codes, numbers, months (`YYYY-MM`), dates (`YYYY-MM-DD`), lists
 * of them, or a programme's own words in both languages. The API renders them per language.
 */
export type MessageParam = string | number | readonly string[] | Label;
export type MessageParams = Readonly<Record<string, MessageParam>>;

/**
 * One refused field. `message` is a message key (`claim.required`, …) that the API's vi and en
 * catalogues turn into words with `params`; the domain holds no sentences for people.
 */
export interface FieldError {
  field: string;
  message: string;
  params?: MessageParams;
}

const describe = (key: string, params: MessageParams): string => (Object.keys(params).length === 0 ? key : `${key} ${JSON.stringify(params)}`);

/**
 * `key` names the refusal in the API's message catalogues (one line per language), `params`
 * fill it in. `message` (for logs) is the key with its params.
 */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  constructor(readonly key: string, readonly params: MessageParams = {}) {
    super(describe(key, params));
    this.name = new.target.name;
  }
}

export class InvalidTransition extends DomainError {
  readonly code = 'invalid-transition';
}

export class DuplicateSupport extends DomainError {
  readonly code = 'duplicate-support';
  constructor(key: string, readonly conflictingApplicationIds: string[], params: MessageParams = {}) {
    super(key, params);
  }
}

export class AmountMismatch extends DomainError {
  readonly code = 'amount-mismatch';
  constructor(readonly expected: number, readonly given: number, key = 'amount.payment-not-owed') {
    super(key, { expected, given });
  }
}

/** Role, ward scope or segregation of duties. */
export class NotPermitted extends DomainError {
  readonly code = 'forbidden';
  constructor(key: string, readonly reason: 'role' | 'ward-scope' | 'segregation-of-duties', params: MessageParams = {}) {
    super(key, params);
  }
}

export class ClaimInvalid extends DomainError {
  readonly code = 'validation-failed';
  constructor(readonly errors: FieldError[]) {
    super('claim.invalid', { fields: errors.map((e) => e.field) });
  }
}

export class NotEligible extends DomainError {
  readonly code = 'not-eligible';
  constructor(readonly reasons: FieldError[]) {
    super('claim.not-eligible', { fields: reasons.map((e) => e.field) });
  }
}

export class ApplicationNotFound extends DomainError {
  readonly code = 'not-found';
}

export class ProgrammeNotFound extends DomainError {
  readonly code = 'validation-failed';
}

export const assertNever = (value: never): never => {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
};
