import {
  SEGREGATED_KINDS,
  addWorkingDays,
  amountFor,
  findCategory,
  fraudRule,
  localDate,
  monthsBetween,
  workingDaysSpanned,
  type CategoryDefinition,
  type Claim,
  type FraudRuleId,
  type ProgrammeDefinition,
} from '@lib/domain';
import type { CaseFacts } from '../case-facts';
import { reason, type AlertReason } from './alert-reason';
import { failedClaimChecks } from './claim-checks';
import { findingOf, type Evidence, type Finding } from './finding';

type Check = (facts: CaseFacts, category: CategoryDefinition, programme: ProgrammeDefinition) => { evidence: Evidence[]; reasons: AlertReason[] } | null;

const piece = (facts: CaseFacts, position: number, at: string): Evidence => ({ applicationId: facts.applicationId, ward: facts.ward, position, at });
const atSubmission = (facts: CaseFacts): Evidence => piece(facts, facts.submittedPosition, facts.submittedAt);
const found = (evidence: Evidence[], reasons: AlertReason[]) => (reasons.length > 0 ? { evidence, reasons } : null);

/** F3: the approval must be rate × months (× members), within the window and the month cap. */
const wrongAmount: Check = (facts, category) => {
  const approval = facts.approval;
  if (!approval) return null;
  const reasons: AlertReason[] = [];
  const window = monthsBetween(category.window.from, category.window.to);
  const outside = approval.months.filter((month) => !window.includes(month));
  if (outside.length) reasons.push(reason('alert.months-outside-window', { months: outside, from: category.window.from, to: category.window.to }));
  // A loan's month cap is per worker (its workers' months together may be more), checked at intake.
  if (!category.loan && new Set(approval.months).size > category.maxMonths) reasons.push(reason('alert.months-over-cap', { count: approval.months.length, cap: category.maxMonths }));
  const multiplier = category.multiplierField ? Number(facts.claim[category.multiplierField]) : 1;
  const expected = category.loan ? amountFor(category, facts.claim as Claim, approval.months) : category.rate * approval.months.length * multiplier;
  if (approval.amount !== expected) reasons.push(reason('alert.amount-not-rate', { amount: approval.amount, expected }));
  return found([piece(facts, approval.position, approval.at)], reasons);
};

/** F4: money out needs the Chairman's decision first, and never more than approved. */
const paidWithoutDecision: Check = (facts) => {
  const bad = facts.payments.filter((payment) => !payment.decidedBefore || !payment.approvedBefore || payment.amount > payment.owedBefore);
  const reasons = bad.flatMap((payment) => [
    ...(!payment.approvedBefore ? [reason('alert.paid-without-approval')] : []),
    ...(!payment.decidedBefore ? [reason('alert.paid-without-decision')] : []),
    ...(payment.approvedBefore && payment.amount > payment.owedBefore ? [reason('alert.paid-more-than-owed', { amount: payment.amount, owed: payment.owedBefore })] : []),
  ]);
  return found(bad.map((payment) => piece(facts, payment.position, payment.at)), reasons);
};

/** F14 (skimming): a receipt for less than the approved amount still owed. */
const paidLess: Check = (facts) => {
  // A loan is disbursed worker-month by worker-month: each tranche is less than what is still owed.
  const bad = facts.payments.filter((payment) => payment.approvedBefore && !payment.worker && payment.amount < payment.owedBefore);
  return found(bad.map((payment) => piece(facts, payment.position, payment.at)), bad.map((payment) => reason('alert.paid-less-than-approved', { amount: payment.amount, owed: payment.owedBefore })));
};

/** F5: a list goes on only after being posted for the required working days. */
const notPosted: Check = (facts, category, programme) => {
  const index = category.steps.findIndex((step) => step.kind === 'posting');
  if (index < 0) return null;
  const posting = category.steps[index];
  const later = new Set(category.steps.slice(index + 1).map((step) => step.name));
  const forwarded = facts.performed.find((record) => later.has(record.step) && record.type !== 'SupportApplicationRejected')
    ?? facts.payments.map((payment) => ({ position: payment.position, at: payment.at }))[0];
  if (forwarded && (!facts.posting || facts.posting.position > forwarded.position)) {
    return { evidence: [piece(facts, forwarded.position, forwarded.at)], reasons: [reason('alert.forwarded-without-posting', { step: posting.name })] };
  }
  if (!facts.posting) return null;
  const days = workingDaysSpanned(facts.posting.from, facts.posting.until, programme.calendar);
  const required = posting.minWorkingDays ?? 0;
  const record = facts.performed.find((candidate) => candidate.position === facts.posting!.position);
  return days < required ? { evidence: [piece(facts, facts.posting.position, record?.at ?? facts.submittedAt)], reasons: [reason('alert.posted-too-briefly', { days, required })] } : null;
};

/** F6: one officer never performs two review, approval, decision or payment steps of one application. */
const sameOfficer: Check = (facts, category) => {
  const kindOf = (step: string) => category.steps.find((candidate) => candidate.name === step)?.kind;
  const segregated = facts.performed.filter((record) => SEGREGATED_KINDS.includes(kindOf(record.step)!));
  const byOfficer = new Map<string, typeof segregated>();
  for (const record of segregated) byOfficer.set(record.by, [...(byOfficer.get(record.by) ?? []), record]);
  const twice = [...byOfficer.entries()].filter(([, records]) => new Set(records.map((record) => record.step)).size > 1);
  return found(
    twice.flatMap(([, records]) => records.map((record) => piece(facts, record.position, record.at))),
    twice.map(([officer, records]) => reason('alert.same-officer', { officer, steps: [...new Set(records.map((record) => record.step))] })),
  );
};

/** F7, F8, F10, F11, F12 (and F9's job-loss month): the category's conditions re-run on the claim. */
const claimChecks = (rule: FraudRuleId): Check => (facts, category, programme) => {
  const specs = fraudRule(programme.fraudRules, rule)?.claimChecks?.[facts.category];
  return specs ? found([atSubmission(facts)], failedClaimChecks(category, facts.claim, specs)) : null;
};

/** F9: an informal worker files after the 15th of each month claimed (QĐ 15), so every month is checked, not the first. */
const filedEarly: Check = (facts, category, programme) => {
  const rule = fraudRule(programme.fraudRules, 'F9');
  const day = rule?.thresholds?.filingDayOfMonth;
  const months = Array.isArray(facts.claim.months) ? (facts.claim.months as unknown[]).filter((month): month is string => typeof month === 'string') : [];
  const own = claimChecks('F9')(facts, category, programme);
  if (!rule?.claimChecks?.[facts.category] || !day || months.length === 0) return own;
  const filed = localDate(facts.submittedAt, programme.calendar);
  const early = [...new Set(months)].sort().filter((month) => filed < `${month}-${String(day).padStart(2, '0')}`);
  const reasons = [...(own?.reasons ?? []), ...(early.length ? [reason('alert.filed-before-day', { filedOn: filed, day, months: early })] : [])];
  return found([atSubmission(facts)], reasons);
};

/**
 * The last day of a suspension lasting exactly one month from `start`: the day before the same
 * date a month later (01/6 → 30/6), clamped to that month's length (31/1 → 28 or 29/2).
 */
export const lastDayOfOneMonth = (start: string): string => {
  const [y, m, d] = start.split('-').map(Number);
  const daysInNext = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const sameDayNextMonth = Date.UTC(y, m, Math.min(d, daysInNext));
  return new Date(sameDayNextMonth - 86_400_000).toISOString().slice(0, 10);
};

/** F11 beyond the claim: at least one month of suspension, and the BHXH confirmation before approval. */
const furlough: Check = (facts, category, programme) => {
  const own = claimChecks('F11')(facts, category, programme);
  if (!fraudRule(programme.fraudRules, 'F11')?.claimChecks?.[facts.category]) return own;
  const reasons = [...(own?.reasons ?? [])];
  const evidence = [atSubmission(facts)];
  const { suspensionStart: start, suspensionEnd: end } = facts.claim as Record<string, string>;
  if (typeof start === 'string' && typeof end === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(start) && end < lastDayOfOneMonth(start)) reasons.push(reason('alert.suspension-too-short', { from: start, to: end }));
  }
  const approvalIndex = category.steps.findIndex((step) => step.kind === 'approval');
  const confirmations = category.steps.slice(1, approvalIndex).filter((step) => step.kind === 'review').map((step) => step.name);
  const approved = facts.approval ?? facts.payments[0];
  if (approved && confirmations.some((name) => !facts.performed.some((record) => record.step === name && record.position < (facts.approval?.position ?? facts.payments[0].position)))) {
    reasons.push(reason('alert.approved-without-confirmation', { steps: confirmations }));
    evidence.push(piece(facts, facts.approval?.position ?? facts.payments[0].position, facts.approval?.at ?? facts.payments[0].at));
  }
  return found(evidence, reasons);
};

/**
 * F2 (one application): a temporary resident whose permanent residence is in another province
 * needs that place's "has not applied" confirmation; one from another commune of this province
 * does not (QĐ 15 asks it only across provinces).
 */
const crossProvince: Check = (facts) =>
  facts.category === '4' && facts.claim.residence === 'temporary' && facts.claim.permanentResidenceInProvince !== true && !facts.claim.otherProvinceConfirmationRef
    ? { evidence: [atSubmission(facts)], reasons: [reason('alert.no-other-province-confirmation')] }
    : null;

/**
 * F15: when support was judged improper, what was paid must come back. Money recovered, not
 * merely ordered, settles it: the rule holds while recovered < paid, so recovery clears it.
 */
export const notRecovered: Check = (facts) => {
  const recovered = facts.recovered ?? 0;
  const short = facts.judgments.filter((judgment) => judgment.paid > 0 && recovered < judgment.paid);
  return found(
    short.map((judgment) => piece(facts, judgment.position, judgment.at)),
    short.map((judgment) =>
      reason(judgment.source === 'confirmed-alert' ? 'alert.not-recovered-confirmed' : 'alert.not-recovered-refused', {
        paid: judgment.paid,
        ordered: Math.max(judgment.recoveryOrdered, facts.recoveryOrdered),
        recovered,
      }),
    ),
  );
};

/** F16: each step within its time limit in working days, counted from the previous step or `countFrom`. */
const late: Check = (facts, category, programme) => {
  const completedOn = new Map<string, string>([[category.steps[0].name, localDate(facts.submittedAt, programme.calendar)]]);
  const evidence: Evidence[] = [];
  const reasons: AlertReason[] = [];
  for (const record of facts.performed) {
    const index = category.steps.findIndex((step) => step.name === record.step);
    const step = category.steps[index];
    const on = localDate(record.at, programme.calendar);
    const from = step && completedOn.get(step.countFrom ?? category.steps[index - 1]?.name);
    if (step && from && step.timeLimitWorkingDays !== null && record.type !== 'SupportApplicationRejected') {
      const due = addWorkingDays(from, step.timeLimitWorkingDays, programme.calendar);
      if (on > due) {
        evidence.push(piece(facts, record.position, record.at));
        reasons.push(reason('alert.step-late', { step: step.name, on, due, days: step.timeLimitWorkingDays, from }));
      }
    }
    completedOn.set(record.step, on);
  }
  return found(evidence, reasons);
};

const CHECKS: [FraudRuleId, Check][] = [
  ['F2', crossProvince],
  ['F3', wrongAmount],
  ['F4', paidWithoutDecision],
  ['F5', notPosted],
  ['F6', sameOfficer],
  ['F7', claimChecks('F7')],
  ['F8', claimChecks('F8')],
  ['F9', filedEarly],
  ['F10', claimChecks('F10')],
  ['F11', furlough],
  ['F12', claimChecks('F12')],
  ['F14', paidLess],
  ['F15', notRecovered],
  ['F16', late],
];

/** Pure: every rule one application breaks on its own, under its programme version's parameters. */
export const detectApplication = (facts: CaseFacts, programme: ProgrammeDefinition): Finding[] => {
  const category = findCategory(programme, facts.category);
  if (!category) return [];
  return CHECKS.flatMap(([rule, check]) => {
    if (!fraudRule(programme.fraudRules, rule)) return [];
    const result = check(facts, category, programme);
    return result ? [findingOf(rule, `application:${facts.applicationId}`, programme, result.evidence, result.reasons)] : [];
  });
};

