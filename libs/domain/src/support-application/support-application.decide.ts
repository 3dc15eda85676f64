import {
  AmountMismatch,
  ApplicationNotFound,
  ClaimInvalid,
  InvalidTransition,
  NotEligible,
  ProgrammeNotFound,
  assertNever,
} from '../common/domain-error';
import { isDate, isMonth } from '../common/month';
import { refusal } from '../common/refusals';
import { localDate, workingDaysSpanned } from '../common/working-days';
import { findCategory, type CategoryDefinition, type LoanTerms, type ProgrammeCatalog, type ProgrammeDefinition, type StepDefinition } from '../programme/programme-definition';
import { amountFor, checkEligibility, parseClaim } from './claim';
import { disbursementKey, loanPerWorkerMonth } from './loan';
import { requireMayAct, requireRole, requireSegregation, requireWard } from './permissions';
import type {
  PerformSupportStep,
  RecordSupportPayment,
  RecordSupportRecovery,
  SubmitSupportApplication,
  SupportApplicationCommand,
  WithdrawSupportApplication,
} from './support-application.commands';
import type {
  SupportApplicationApproved,
  SupportApplicationDecided,
  SupportApplicationEvent,
  SupportApplicationPaid,
  SupportApplicationPosted,
  SupportApplicationRejected,
  SupportApplicationReviewed,
  SupportApplicationSubmitted,
  SupportApplicationWithdrawn,
  SupportRecovered,
  SupportRecoveryOrdered,
} from './support-application.events';
import { amountDue, type ActiveApplication, type SupportApplication } from './support-application.state';

interface Workflow {
  programme: ProgrammeDefinition;
  category: CategoryDefinition;
}

/** The definition version the application was submitted under, never a newer one. */
const workflowOf = (state: ActiveApplication, programmes: ProgrammeCatalog): Workflow => {
  const programme = programmes(state.programmeId, state.programmeVersion);
  const category = programme && findCategory(programme, state.category);
  if (!programme || !category) {
    throw new ProgrammeNotFound('programme.not-loaded', { programme: state.programmeId, version: state.programmeVersion, category: state.category });
  }
  return { programme, category };
};

const existing = (state: SupportApplication): ActiveApplication => {
  if (state.status === 'none') throw new ApplicationNotFound('application.not-found');
  return state;
};

const OPEN: readonly string[] = ['submitted', 'in-progress', 'approved'];

const files = (programme: ProgrammeDefinition, receivedOn: string): boolean => {
  const period = programme.filingPeriod;
  return !period || (period.from <= receivedOn && (period.to === undefined || receivedOn <= period.to));
};

/**
 * The programme version a dossier is decided under: the newest whose filing period holds the
 * day it was received (an amending act applies to dossiers received from its date; earlier
 * ones keep theirs); the newest when none does, which then refuses it.
 */
export const versionFor = (programmes: ProgrammeCatalog, id: string, receivedOn: string): ProgrammeDefinition | undefined => {
  const newest = programmes(id);
  for (let version = newest?.version ?? 0; version >= 1; version -= 1) {
    const candidate = programmes(id, version);
    if (candidate && files(candidate, receivedOn)) return candidate;
  }
  return newest;
};

const receivedOnOf = (command: SubmitSupportApplication, today: string): string => {
  const receivedOn = command.data.receivedOn ?? today;
  if (!isDate(receivedOn)) throw new ClaimInvalid([refusal('receivedOn', 'received-on-invalid')]);
  if (receivedOn > today) throw new ClaimInvalid([refusal('receivedOn', 'received-in-future')]);
  return receivedOn;
};

export const submit = (command: SubmitSupportApplication, state: SupportApplication, programmes: ProgrammeCatalog): SupportApplicationSubmitted => {
  if (state.status !== 'none') throw new InvalidTransition('application.already-submitted');
  const { data, metadata } = command;
  const newest = programmes(data.programmeId);
  if (!newest) throw new ClaimInvalid([{ field: 'programme', message: 'programme.unknown', params: { programme: data.programmeId } }]);
  const receivedOn = receivedOnOf(command, localDate(metadata.now, newest.calendar));
  const programme = versionFor(programmes, data.programmeId, receivedOn) ?? newest;
  if (!files(programme, receivedOn)) throw new NotEligible([refusal('receivedOn', 'outside-filing-period')]);
  const category = findCategory(programme, data.category);
  if (!category) {
    throw new ClaimInvalid([{ field: 'category', message: 'category.unknown', params: { categories: programme.categories.map((c) => c.code) } }]);
  }
  const intake = category.steps[0];
  requireRole(metadata.actor, intake.role, 'intake');
  requireWard(metadata.actor, intake.role, data.applicant.ward);
  const claim = parseClaim(category, data.claim);
  checkEligibility(category, claim, receivedOn);
  return {
    type: 'SupportApplicationSubmitted',
    data: {
      applicationId: data.applicationId,
      programmeId: programme.id,
      programmeVersion: programme.version,
      category: category.code,
      applicant: data.applicant,
      claim,
      claimedAmount: amountFor(category, claim, claim.months),
      receivedOn,
      steps: category.steps.map((step) => step.name),
      submittedBy: metadata.actor.id,
      submittedAt: metadata.now,
    },
  };
};

const approvedMonthsFor = (command: PerformSupportStep, state: ActiveApplication, category: CategoryDefinition): string[] => {
  const requested = command.data.approvedMonths;
  const claimed = state.claim.months;
  if (requested === undefined) return claimed;
  if (category.payment === 'once' && [...requested].sort().join() !== claimed.join()) {
    throw new ClaimInvalid([{ field: 'approvedMonths', message: 'months.paid-once', params: { category: category.code, months: claimed } }]);
  }
  const notClaimed = requested.filter((month) => !claimed.includes(month));
  if (requested.length === 0 || !requested.every(isMonth) || notClaimed.length > 0 || new Set(requested).size !== requested.length) {
    throw new ClaimInvalid([{ field: 'approvedMonths', message: 'months.not-claimed', params: { months: claimed } }]);
  }
  return [...requested].sort();
};

/**
 * The provincial Chairman approves the list and the funds: a decision may narrow the months the
 * earlier approval fixed (never widen them), and the amount follows.
 */
const decidedMonths = (command: PerformSupportStep, state: ActiveApplication, category: CategoryDefinition): { approvedMonths?: string[]; approvedAmount?: number } => {
  const requested = command.data.approvedMonths;
  if (requested === undefined) return {};
  const approved = state.approvedMonths ?? state.claim.months;
  const approvedMonths = approvedMonthsFor(command, { ...state, claim: { ...state.claim, months: approved } }, category);
  return { approvedMonths, approvedAmount: amountFor(category, state.claim, approvedMonths) };
};

const postingPeriod = (command: PerformSupportStep, step: StepDefinition, workflow: Workflow) => {
  const today = localDate(command.metadata.now, workflow.programme.calendar);
  // No dates given means posted today only; that must still meet the step's minimum below.
  const { postedFrom, postedUntil } =
    command.data.postedFrom === undefined && command.data.postedUntil === undefined ? { postedFrom: today, postedUntil: today } : command.data;
  if (!isDate(postedFrom) || !isDate(postedUntil) || postedFrom > postedUntil || postedUntil > today) {
    throw new ClaimInvalid([{ field: 'postedFrom', message: 'posting.dates' }]);
  }
  const required = step.minWorkingDays ?? 0;
  // QĐ 15: the list stays posted for the full period, first and last day included; a shorter
  // posting cannot be recorded as done.
  if (workingDaysSpanned(postedFrom, postedUntil, workflow.programme.calendar) < required) {
    throw new InvalidTransition('posting.too-short', { step: step.name, days: required });
  }
  return { postedFrom, postedUntil };
};

export type StepEvent =
  | SupportApplicationReviewed
  | SupportApplicationPosted
  | SupportApplicationApproved
  | SupportApplicationDecided
  | SupportApplicationRejected;

export const performStep = (command: PerformSupportStep, current: SupportApplication, programmes: ProgrammeCatalog): StepEvent => {
  const state = existing(current);
  const workflow = workflowOf(state, programmes);
  const { data, metadata } = command;
  requireMayAct(metadata.actor, state.ward, workflow.category.steps.map((candidate) => candidate.role));
  const step = workflow.category.steps.find((candidate) => candidate.name === data.step);
  if (!step) throw new InvalidTransition('step.unknown', { category: state.category, step: data.step, steps: state.steps });
  if (step.kind === 'intake' || step.kind === 'payment') throw new InvalidTransition('step.own-command', { step: step.name });
  // Authorization before state: someone who may not take this step learns nothing of where the application stands.
  requireRole(metadata.actor, step.role, 'step', step.name);
  requireWard(metadata.actor, step.role, state.ward);
  const expected = workflow.category.steps[state.nextStep];
  if (!OPEN.includes(state.status) || expected?.name !== step.name) {
    throw OPEN.includes(state.status) && expected
      ? new InvalidTransition('step.not-now-awaiting', { step: step.name, status: state.status, awaiting: expected.name })
      : new InvalidTransition('step.not-now', { step: step.name, status: state.status });
  }
  const kindOf = (name: string) => workflow.category.steps.find((candidate) => candidate.name === name)?.kind;
  requireSegregation(metadata.actor, step.name, state.performedBy, kindOf);
  const by = metadata.actor.id;
  const at = metadata.now;
  const base = { applicationId: state.applicationId, step: step.name };

  if (data.outcome === 'rejected') {
    if (!data.reason?.trim()) throw new ClaimInvalid([{ field: 'reason', message: 'refusal.reason-required' }]);
    if (step.kind === 'posting') throw new InvalidTransition('posting.not-rejected');
    return { type: 'SupportApplicationRejected', data: { ...base, reason: data.reason, rejectedBy: by, rejectedAt: at } };
  }
  switch (step.kind) {
    case 'review':
      return { type: 'SupportApplicationReviewed', data: { ...base, outcome: 'confirmed', minutesRef: data.minutesRef, reason: data.reason, reviewedBy: by, reviewedAt: at } };
    case 'posting':
      return { type: 'SupportApplicationPosted', data: { ...base, place: data.reference, ...postingPeriod(command, step, workflow), postedBy: by, postedAt: at } };
    case 'approval': {
      if (state.approvedMonths) {
        return { type: 'SupportApplicationDecided', data: { ...base, kind: step.kind, reference: data.reference, decidedBy: by, decidedAt: at } };
      }
      const approvedMonths = approvedMonthsFor(command, state, workflow.category);
      return {
        type: 'SupportApplicationApproved',
        data: { ...base, approvedMonths, approvedAmount: amountFor(workflow.category, state.claim, approvedMonths), reason: data.reason, approvedBy: by, approvedAt: at },
      };
    }
    case 'decision':
      // F4: a provincial decision without its number cannot justify a payment.
      if (!data.decisionNo?.trim() && !data.reference?.trim()) {
        throw new ClaimInvalid([{ field: 'decisionNo', message: 'decision.number-required', params: { step: step.name } }]);
      }
      return {
        type: 'SupportApplicationDecided',
        data: { ...base, kind: step.kind, decisionNo: data.decisionNo ?? data.reference, reference: data.reference, ...decidedMonths(command, state, workflow.category), decidedBy: by, decidedAt: at },
      };
  }
};

export const recordPayment = (command: RecordSupportPayment, current: SupportApplication, programmes: ProgrammeCatalog): SupportApplicationPaid => {
  const state = existing(current);
  const workflow = workflowOf(state, programmes);
  const step = workflow.category.steps[workflow.category.steps.length - 1];
  const { actor, now } = command.metadata;
  requireRole(actor, step.role, 'payment');
  requireWard(actor, step.role, state.ward);
  // A fully disbursed loan still says which worker-month was already paid.
  const loanPaid = workflow.category.loan && state.status === 'paid';
  if (state.status !== 'approved' && !loanPaid) {
    throw state.status === 'in-progress' || state.status === 'submitted'
      ? new InvalidTransition('payment.not-approved-awaiting', { status: state.status, awaiting: state.steps[state.nextStep] })
      : new InvalidTransition('payment.not-approved', { status: state.status });
  }
  requireSegregation(actor, step.name, state.performedBy, (name) => workflow.category.steps.find((s) => s.name === name)?.kind);
  if (workflow.category.loan) return disburse(command, state, workflow.category.loan, step);
  if (command.data.worker !== undefined || command.data.month !== undefined) {
    throw new ClaimInvalid([{ field: 'worker', message: 'disbursement.not-a-loan', params: { category: state.category } }]);
  }
  const owed = amountDue(state);
  if (command.data.amount !== owed) throw new AmountMismatch(owed, command.data.amount);
  const { amount, method, reference, payee } = command.data;
  // F13: a payee who signs for many applicants is a cluster the detectors look for.
  return { type: 'SupportApplicationPaid', data: { applicationId: state.applicationId, step: step.name, amount, method, reference, ...(payee?.trim() ? { payee: payee.trim() } : {}), paidBy: actor.id, paidAt: now } };
};

/**
 * Category 8: the lender disburses the loan monthly, directly to each worker (NQ 42, QĐ 15): one
 * worker's month at a time, each once, for exactly the share of the regional minimum wage.
 */
const disburse = (command: RecordSupportPayment, state: ActiveApplication, loan: LoanTerms, step: StepDefinition): SupportApplicationPaid => {
  const { worker, month, amount, method, reference } = command.data;
  const { actor, now } = command.metadata;
  if (!worker?.trim() || !month?.trim()) {
    throw new ClaimInvalid([{ field: worker?.trim() ? 'month' : 'worker', message: 'disbursement.worker-month-required' }]);
  }
  const listed = state.claim.workers?.find((candidate) => candidate.citizenId === worker.trim());
  if (!listed) throw new ClaimInvalid([{ field: 'worker', message: 'disbursement.worker-not-listed', params: { worker } }]);
  const approved = listed.months.filter((candidate) => (state.approvedMonths ?? []).includes(candidate));
  if (!approved.includes(month)) throw new ClaimInvalid([{ field: 'month', message: 'disbursement.month-not-approved', params: { worker, month, months: approved } }]);
  if ((state.disbursed ?? []).includes(disbursementKey(listed.citizenId, month))) {
    throw new InvalidTransition('disbursement.already-disbursed', { worker, month });
  }
  const due = loanPerWorkerMonth(loan, state.claim);
  if (amount !== due) throw new AmountMismatch(due, amount, 'amount.disbursement-not-due');
  return {
    type: 'SupportApplicationPaid',
    data: { applicationId: state.applicationId, step: step.name, amount, method, reference, worker: listed.citizenId, month, paidBy: actor.id, paidAt: now },
  };
};

export const withdraw = (command: WithdrawSupportApplication, current: SupportApplication, programmes: ProgrammeCatalog): SupportApplicationWithdrawn => {
  const state = existing(current);
  const intake = workflowOf(state, programmes).category.steps[0];
  const { actor, now } = command.metadata;
  requireRole(actor, intake.role, 'withdrawal');
  requireWard(actor, intake.role, state.ward);
  if (!OPEN.includes(state.status)) throw new InvalidTransition('withdrawal.not-open', { status: state.status });
  if (!command.data.reason.trim()) throw new ClaimInvalid([{ field: 'reason', message: 'field.required' }]);
  return { type: 'SupportApplicationWithdrawn', data: { applicationId: state.applicationId, reason: command.data.reason, withdrawnBy: actor.id, withdrawnAt: now } };
};

export const recordRecovery = (command: RecordSupportRecovery, current: SupportApplication): SupportRecoveryOrdered | SupportRecovered => {
  const state = existing(current);
  const { actor, now } = command.metadata;
  requireRole(actor, 'inspector', 'recovery');
  const { action, amount, reason } = command.data;
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new ClaimInvalid([{ field: 'amount', message: 'amount.positive-whole' }]);
  if (!reason.trim()) throw new ClaimInvalid([{ field: 'reason', message: 'field.required' }]);
  const base = { applicationId: state.applicationId, amount, reason };
  if (action === 'ordered') {
    const recoverable = state.paidAmount - state.recoveryOrderedAmount;
    if (state.paidAmount === 0) throw new InvalidTransition('recovery.nothing-paid');
    if (amount > recoverable) throw new AmountMismatch(recoverable, amount, 'amount.recovery-over-paid');
    return { type: 'SupportRecoveryOrdered', data: { ...base, orderedBy: actor.id, orderedAt: now } };
  }
  const outstanding = state.recoveryOrderedAmount - state.recoveredAmount;
  if (outstanding === 0) throw new InvalidTransition('recovery.none-outstanding');
  if (amount > outstanding) throw new AmountMismatch(outstanding, amount, 'amount.recovered-over-ordered');
  return { type: 'SupportRecovered', data: { ...base, recoveredBy: actor.id, recoveredAt: now } };
};

export const decide = (command: SupportApplicationCommand, state: SupportApplication, programmes: ProgrammeCatalog): SupportApplicationEvent[] => {
  switch (command.type) {
    case 'SubmitSupportApplication': return [submit(command, state, programmes)];
    case 'PerformSupportStep': return [performStep(command, state, programmes)];
    case 'RecordSupportPayment': return [recordPayment(command, state, programmes)];
    case 'WithdrawSupportApplication': return [withdraw(command, state, programmes)];
    case 'RecordSupportRecovery': return [recordRecovery(command, state)];
    default: return assertNever(command);
  }
};

/** The role a command acts in, as the programme assigns it; recorded with the events. */
export const actingRole = (command: SupportApplicationCommand, state: SupportApplication, programmes: ProgrammeCatalog): string | null => {
  if (command.type === 'RecordSupportRecovery') return 'inspector';
  const category =
    command.type === 'SubmitSupportApplication'
      ? findCategory(programmes(command.data.programmeId) ?? ({ categories: [] } as unknown as ProgrammeDefinition), command.data.category)
      : state.status === 'none'
        ? undefined
        : findCategory(programmes(state.programmeId, state.programmeVersion) ?? ({ categories: [] } as unknown as ProgrammeDefinition), state.category);
  if (!category) return null;
  switch (command.type) {
    case 'SubmitSupportApplication':
    case 'WithdrawSupportApplication':
      return category.steps[0].role;
    case 'RecordSupportPayment':
      return category.steps[category.steps.length - 1].role;
    case 'PerformSupportStep':
      return category.steps.find((step) => step.name === command.data.step)?.role ?? null;
  }
};
