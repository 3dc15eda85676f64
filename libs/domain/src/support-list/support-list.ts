import { ApplicationNotFound, ClaimInvalid, DomainError, InvalidTransition, type FieldError } from '../common/domain-error';
import type { CommandMetadata } from '../common/domain-event';
import { isDate } from '../common/month';
import { localDate } from '../common/working-days';
import { findCategory, type ProgrammeCatalog, type StepDefinition } from '../programme/programme-definition';
import { requireRole, requireWard } from '../support-application/permissions';
import type { SupportApplication } from '../support-application/support-application.state';
import { ListStepRefused, type ListRefusal } from './support-list.errors';
import type { ListExclusion, ProvincialDecisionEvent, ProvincialDecisionRecorded, SupportListCompiled, SupportListEvent, SupportListStepPerformed } from './support-list.events';

export type SupportListStatus = 'open' | 'completed';

export type SupportList =
  | { status: 'none' }
  | {
      status: SupportListStatus;
      listId: string;
      programmeId: string;
      category: string;
      ward: string;
      step: string;
      applicationIds: string[];
      excluded: ListExclusion[];
      decisionNo: string | null;
    };

export type ActiveSupportList = Exclude<SupportList, { status: 'none' }>;

export const initialSupportList = (): SupportList => ({ status: 'none' });

export const evolveSupportList = (state: SupportList, event: SupportListEvent): SupportList => {
  if (event.type === 'SupportListCompiled') {
    const { listId, programmeId, category, ward, step, applicationIds } = event.data;
    return { status: 'open', listId, programmeId, category, ward, step, applicationIds, excluded: [], decisionNo: null };
  }
  if (state.status === 'none') return state;
  if (event.type === 'SupportListStepPerformed') {
    return { ...state, status: 'completed', excluded: event.data.excluded, decisionNo: event.data.decisionNo ?? state.decisionNo };
  }
  return state;
};

export type ProvincialDecision = { status: 'none' } | { status: 'recorded'; decisionNo: string; listIds: string[] };

export const initialProvincialDecision = (): ProvincialDecision => ({ status: 'none' });

export const evolveProvincialDecision = (state: ProvincialDecision, event: ProvincialDecisionEvent): ProvincialDecision =>
  event.type === 'ProvincialDecisionRecorded' ? { status: 'recorded', decisionNo: event.data.decisionNo, listIds: event.data.listIds } : state;

export interface CompileSupportList {
  type: 'CompileSupportList';
  data: { listId: string; programmeId: string; category: string; ward: string; step: string; applicationIds: string[] };
  metadata: CommandMetadata;
}

export interface PerformListStep {
  type: 'PerformListStep';
  data: { listId: string; step: string; reference?: string; decisionNo?: string; decisionId?: string; exclusions?: ListExclusion[] };
  metadata: CommandMetadata;
}

export interface RecordProvincialDecision {
  type: 'RecordProvincialDecision';
  data: { decisionId: string; programmeId: string; decisionNo: string; decidedOn: string; listIds: string[] };
  metadata: CommandMetadata;
}

/** A member of a list, as the list's command sees it: its id and its folded state. */
export interface ListMember {
  applicationId: string;
  state: SupportApplication;
}

const OPEN: readonly string[] = ['submitted', 'in-progress', 'approved'];

/** Steps an office performs on a list; intake and payment have their own commands. */
export const listStepDefinition = (programmes: ProgrammeCatalog, programmeId: string, categoryCode: string, stepName: string): StepDefinition => {
  const programme = programmes(programmeId);
  if (!programme) throw new ClaimInvalid([{ field: 'programme', message: 'programme.unknown', params: { programme: programmeId } }]);
  const category = findCategory(programme, categoryCode);
  if (!category) throw new ClaimInvalid([{ field: 'category', message: 'category.unknown', params: { categories: programme.categories.map((c) => c.code) } }]);
  const step = category.steps.find((candidate) => candidate.name === stepName);
  const actable = category.steps.filter((candidate) => candidate.kind !== 'intake' && candidate.kind !== 'payment').map((candidate) => candidate.name);
  if (!step || !actable.includes(step.name)) {
    throw new ClaimInvalid([{ field: 'step', message: 'list.step-not-actable', params: { category: categoryCode, steps: actable } }]);
  }
  return step;
};

const uniqueIds = (ids: readonly string[], field: string): FieldError[] =>
  ids.length === 0 ? [{ field, message: 'list.ids-empty' }] : new Set(ids).size !== ids.length ? [{ field, message: 'list.ids-repeated' }] : [];

/** Why this application cannot be on a list of that ward, category and step, or null when it can. */
const memberRefusal = (member: ListMember, list: CompileSupportList['data']): ListRefusal | null => {
  const { state, applicationId } = member;
  if (state.status === 'none') return { applicationId, code: 'not-found', key: 'list.no-such-application' };
  if (state.programmeId !== list.programmeId || state.category !== list.category || state.ward !== list.ward) {
    return { applicationId, code: 'validation-failed', key: 'list.application-not-of-list', params: { programme: state.programmeId, category: state.category, ward: state.ward } };
  }
  const awaiting = state.steps[state.nextStep];
  if (!OPEN.includes(state.status) || awaiting !== list.step) {
    return OPEN.includes(state.status)
      ? { applicationId, code: 'invalid-transition', key: 'list.application-awaiting-other', params: { status: state.status, awaiting: awaiting ?? '—', step: list.step } }
      : { applicationId, code: 'invalid-transition', key: 'list.application-not-open', params: { status: state.status, step: list.step } };
  }
  return null;
};

/**
 * A ward's list for one step: every application on it must be of that programme, category and
 * ward and await that step now; the officer compiling it holds the step's role.
 */
export const compileSupportList = (command: CompileSupportList, state: SupportList, members: readonly ListMember[], programmes: ProgrammeCatalog): SupportListCompiled => {
  if (state.status !== 'none') throw new InvalidTransition('list.exists', { list: command.data.listId });
  const { data, metadata } = command;
  const step = listStepDefinition(programmes, data.programmeId, data.category, data.step);
  requireRole(metadata.actor, step.role, `a list for step ${step.name}`);
  requireWard(metadata.actor, step.role, data.ward);
  const invalid = uniqueIds(data.applicationIds, 'applicationIds');
  if (invalid.length > 0) throw new ClaimInvalid(invalid);
  const refusals = members.map((member) => memberRefusal(member, data)).filter((refusal): refusal is ListRefusal => refusal !== null);
  if (refusals.length > 0) throw new ListStepRefused(refusals);
  return {
    type: 'SupportListCompiled',
    data: { ...data, applicationIds: [...data.applicationIds], compiledBy: metadata.actor.id, compiledAt: metadata.now },
  };
};

export interface ListAct {
  event: SupportListStepPerformed;
  /** The step's role, recorded with the events as the role acted in. */
  role: string;
  included: string[];
  excluded: ListExclusion[];
}

/**
 * The list-level half of a list act: the list is open and for this step, the officer holds its
 * role, and each exclusion names an application on the list with a reason. Each application's
 * own decision is the application decider's, run for every member in the same unit of work.
 */
export const performListStep = (command: PerformListStep, state: SupportList, programmes: ProgrammeCatalog): ListAct => {
  if (state.status === 'none') throw new ApplicationNotFound('list.not-found', { list: command.data.listId });
  const { data, metadata } = command;
  if (data.step !== state.step) throw new InvalidTransition('list.other-step', { list: state.listId, step: state.step, given: data.step });
  if (state.status !== 'open') throw new InvalidTransition('list.acted-on', { list: state.listId });
  const step = listStepDefinition(programmes, state.programmeId, state.category, state.step);
  requireRole(metadata.actor, step.role, `step ${step.name}`);
  requireWard(metadata.actor, step.role, state.ward);
  const exclusions = data.exclusions ?? [];
  const onList = new Set(state.applicationIds);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  exclusions.forEach((exclusion, index) => {
    if (!onList.has(exclusion.applicationId)) errors.push({ field: `exclusions[${index}].applicationId`, message: 'list.exclusion-not-on-list' });
    if (seen.has(exclusion.applicationId)) errors.push({ field: `exclusions[${index}].applicationId`, message: 'list.exclusion-twice' });
    if (!exclusion.reason?.trim()) errors.push({ field: `exclusions[${index}].reason`, message: 'list.exclusion-reason' });
    seen.add(exclusion.applicationId);
  });
  if (step.kind === 'decision' && !data.decisionNo?.trim() && !data.reference?.trim()) {
    errors.push({ field: 'decisionNo', message: 'decision.number-required', params: { step: step.name } });
  }
  if (errors.length > 0) throw new ClaimInvalid(errors);
  const excluded = exclusions.map(({ applicationId, reason }) => ({ applicationId, reason: reason.trim() }));
  const included = state.applicationIds.filter((applicationId) => !seen.has(applicationId));
  const optional = {
    ...(data.reference?.trim() ? { reference: data.reference.trim() } : {}),
    ...(data.decisionNo?.trim() ? { decisionNo: data.decisionNo.trim() } : {}),
    ...(data.decisionId ? { decisionId: data.decisionId } : {}),
  };
  return {
    event: { type: 'SupportListStepPerformed', data: { listId: state.listId, step: state.step, ...optional, applied: included, excluded, performedBy: metadata.actor.id, performedAt: metadata.now } },
    role: step.role,
    included,
    excluded,
  };
};

/**
 * One decision of the provincial Chairman over many wards' lists: every list must be open, of
 * this programme, and for a decision step. Lists that fail are named (as `listId`), nothing is decided.
 */
export const recordProvincialDecision = (
  command: RecordProvincialDecision,
  state: ProvincialDecision,
  lists: readonly { listId: string; state: SupportList }[],
  programmes: ProgrammeCatalog,
): ProvincialDecisionRecorded => {
  const { data, metadata } = command;
  requireRole(metadata.actor, 'province-approver', 'a provincial decision');
  if (state.status !== 'none') throw new InvalidTransition('decision.already-recorded', { decision: data.decisionNo, programme: data.programmeId });
  const programme = programmes(data.programmeId);
  const errors: FieldError[] = [...uniqueIds(data.listIds, 'listIds')];
  if (!programme) errors.push({ field: 'programme', message: 'programme.unknown', params: { programme: data.programmeId } });
  if (!data.decisionNo.trim()) errors.push({ field: 'decisionNo', message: 'field.required' });
  if (!isDate(data.decidedOn) || (programme && data.decidedOn > localDate(metadata.now, programme.calendar))) {
    errors.push({ field: 'decidedOn', message: 'decision.date' });
  }
  if (errors.length > 0) throw new ClaimInvalid(errors);
  const refusals: ListRefusal[] = [];
  let applied = 0;
  for (const { listId, state: list } of lists) {
    if (list.status === 'none') {
      refusals.push({ listId, code: 'not-found', key: 'list.no-such-list' });
      continue;
    }
    if (list.programmeId !== data.programmeId) {
      refusals.push({ listId, code: 'validation-failed', key: 'list.other-programme', params: { programme: list.programmeId } });
      continue;
    }
    try {
      if (listStepDefinition(programmes, list.programmeId, list.category, list.step).kind !== 'decision') {
        refusals.push({ listId, code: 'invalid-transition', key: 'list.not-provincial', params: { step: list.step } });
        continue;
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refusals.push({ listId, code: error.code, key: error.key, params: error.params });
      continue;
    }
    if (list.status !== 'open') {
      refusals.push({ listId, code: 'invalid-transition', key: 'list.already-acted' });
      continue;
    }
    applied += list.applicationIds.length;
  }
  if (refusals.length > 0) throw new ListStepRefused(refusals);
  return {
    type: 'ProvincialDecisionRecorded',
    data: {
      decisionId: data.decisionId,
      programmeId: data.programmeId,
      decisionNo: data.decisionNo.trim(),
      decidedOn: data.decidedOn,
      listIds: [...data.listIds],
      applied,
      excluded: 0,
      decidedBy: metadata.actor.id,
      decidedAt: metadata.now,
    },
  };
};
