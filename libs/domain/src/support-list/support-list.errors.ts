import { DomainError, type DomainErrorCode, type MessageParams } from '../common/domain-error';

/** Why one application (or one list of a decision) cannot take the step the list act asks for. */
export interface ListRefusal {
  applicationId?: string;
  listId?: string;
  code: DomainErrorCode;
  /** Why, as a message key and its params (worded in the request's language by the API). */
  key: string;
  params?: MessageParams;
}

/** A list act that some included application cannot take: nothing is written, each is named. */
export class ListStepRefused extends DomainError {
  readonly code = 'list-step-refused';
  constructor(readonly refusals: ListRefusal[]) {
    super('list.step-refused', { count: refusals.length });
  }
}
