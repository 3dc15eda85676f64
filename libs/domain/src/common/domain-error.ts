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

export interface FieldError {
  field: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidTransition extends DomainError {
  readonly code = 'invalid-transition';
}

export class DuplicateSupport extends DomainError {
  readonly code = 'duplicate-support';
  constructor(message: string, readonly conflictingApplicationIds: string[]) {
    super(message);
  }
}

export class AmountMismatch extends DomainError {
  readonly code = 'amount-mismatch';
  constructor(readonly expected: number, readonly given: number) {
    super(`payment must equal the approved amount still owed: ${expected} VND, not ${given} VND`);
  }
}

/** Role, ward scope or segregation of duties. */
export class NotPermitted extends DomainError {
  readonly code = 'forbidden';
  constructor(message: string, readonly reason: 'role' | 'ward-scope' | 'segregation-of-duties') {
    super(message);
  }
}

export class ClaimInvalid extends DomainError {
  readonly code = 'validation-failed';
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
}

export class NotEligible extends DomainError {
  readonly code = 'not-eligible';
  constructor(readonly reasons: FieldError[]) {
    super(reasons.map((e) => `${e.field}: ${e.message}`).join('; '));
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
