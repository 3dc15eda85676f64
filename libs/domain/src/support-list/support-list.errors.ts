import { DomainError, type DomainErrorCode } from '../common/domain-error';

/** Why one application (or one list of a decision) cannot take the step the list act asks for. */
export interface ListRefusal {
  applicationId?: string;
  listId?: string;
  code: DomainErrorCode;
  detail: string;
}

/** A list act that some included application cannot take: nothing is written, each is named. */
export class ListStepRefused extends DomainError {
  readonly code = 'list-step-refused';
  constructor(readonly refusals: ListRefusal[]) {
    super(`${refusals.length} of the list's applications cannot take this step: ${refusals.slice(0, 3).map((r) => `${r.applicationId ?? r.listId}: ${r.detail}`).join('; ')}${refusals.length > 3 ? '; …' : ''}`);
  }
}
