import type { DomainEvent } from '../common/domain-event';

/** An application left off a list act, rejected with the office's reason. */
export interface ListExclusion {
  applicationId: string;
  reason: string;
}

/** A ward's list (danh sách) for one step: the applications an office will act on together. */
export type SupportListCompiled = DomainEvent<
  'SupportListCompiled',
  {
    listId: string;
    programmeId: string;
    category: string;
    ward: string;
    step: string;
    applicationIds: string[];
    compiledBy: string;
    compiledAt: string;
  }
>;

/** The step performed for the whole list: `applied` took it, `excluded` were rejected with their reasons. */
export type SupportListStepPerformed = DomainEvent<
  'SupportListStepPerformed',
  {
    listId: string;
    step: string;
    reference?: string;
    decisionNo?: string;
    decisionId?: string;
    applied: string[];
    excluded: ListExclusion[];
    performedBy: string;
    performedAt: string;
  }
>;

export type SupportListEvent = SupportListCompiled | SupportListStepPerformed;

/** One provincial decision (quyết định of the Chairman) over the lists of many wards. */
export type ProvincialDecisionRecorded = DomainEvent<
  'ProvincialDecisionRecorded',
  {
    decisionId: string;
    programmeId: string;
    decisionNo: string;
    decidedOn: string;
    listIds: string[];
    applied: number;
    excluded: number;
    decidedBy: string;
    decidedAt: string;
  }
>;

export type ProvincialDecisionEvent = ProvincialDecisionRecorded;

export const SUPPORT_LIST_SCHEMA_VERSIONS: Record<SupportListEvent['type'] | ProvincialDecisionEvent['type'], number> = {
  SupportListCompiled: 1,
  SupportListStepPerformed: 1,
  ProvincialDecisionRecorded: 1,
};
