import { ClaimInvalid, NotEligible, type FieldError } from '../common/domain-error';
import { isDate, isMonth, monthsBetween, shiftDate } from '../common/month';
import { RECEIVED_ON, type CategoryDefinition, type ClaimFieldDefinition, type EligibilityCondition } from '../programme/programme-definition';
import { checkLoanMonths, claimedWorkers, loanAmount, workerMonths } from './loan';
import type { Claim, HouseholdMember, LoanWorker } from './support-application.events';

const fieldError = (field: string, message: string, params?: FieldError['params']): FieldError => ({ field: `claim.${field}`, message, ...(params ? { params } : {}) });

type Refusal = [key: string, params?: FieldError['params']];

const checkField = (definition: ClaimFieldDefinition, value: unknown): Refusal | null => {
  switch (definition.type) {
    case 'integer':
      if (!Number.isSafeInteger(value)) return ['claim.whole-number'];
      if (definition.min !== undefined && (value as number) < definition.min) return ['claim.at-least', { min: definition.min }];
      if (definition.max !== undefined && (value as number) > definition.max) return ['claim.at-most', { max: definition.max }];
      return null;
    case 'date':
      return isDate(value) ? null : ['claim.date'];
    case 'string':
      return typeof value === 'string' && value.trim().length > 0 && value.length <= 500 ? null : ['claim.text', { max: 500 }];
    case 'boolean':
      return typeof value === 'boolean' ? null : ['claim.boolean'];
    case 'enum':
      return typeof value === 'string' && (definition.values ?? []).includes(value) ? null : ['claim.one-of', { values: definition.values ?? [] }];
  }
};

/** The months a claim covers: as filed, or for one-off categories the whole window when none are given. */
const claimedMonths = (category: CategoryDefinition, raw: unknown, errors: FieldError[]): string[] => {
  if (raw === undefined && category.payment === 'once') return monthsBetween(category.window.from, category.window.to);
  if (!Array.isArray(raw) || raw.length === 0 || !raw.every(isMonth)) {
    errors.push(fieldError('months', 'claim.months'));
    return [];
  }
  if (new Set(raw).size !== raw.length) errors.push(fieldError('months', 'claim.months-repeated'));
  return [...raw].sort();
};

const text = (value: unknown, max: number): value is string => typeof value === 'string' && value.trim().length > 0 && value.length <= max;

/** A household's members: each a person with an ID, a name, a date of birth and a relation; no one twice. */
const claimedMembers = (category: CategoryDefinition, raw: unknown, errors: FieldError[]): HouseholdMember[] | undefined => {
  const rule = category.members;
  if (!rule) return undefined;
  if (raw === undefined || raw === null) {
    if (rule.required) errors.push(fieldError('members', 'members.required'));
    return undefined;
  }
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > rule.max) {
    errors.push(fieldError('members', 'members.count', { max: rule.max }));
    return undefined;
  }
  const members: HouseholdMember[] = [];
  raw.forEach((member: unknown, i: number) => {
    const m = (typeof member === 'object' && member !== null ? member : {}) as Record<string, unknown>;
    const problems = [
      !text(m.citizenId, 20) && 'citizenId',
      !text(m.fullName, 200) && 'fullName',
      !isDate(m.dateOfBirth) && 'dateOfBirth',
      !text(m.relation, 50) && 'relation',
    ].filter(Boolean);
    if (problems.length > 0) errors.push(fieldError(`members[${i}]`, 'members.incomplete', { fields: problems as string[] }));
    else members.push({ citizenId: (m.citizenId as string).trim(), fullName: (m.fullName as string).trim(), dateOfBirth: m.dateOfBirth as string, relation: (m.relation as string).trim() });
  });
  if (new Set(members.map((member) => member.citizenId)).size !== members.length) errors.push(fieldError('members', 'members.repeated'));
  return members;
};

/** Shape and types of the claim against the category's fields. Throws ClaimInvalid listing every field. */
export const parseClaim = (category: CategoryDefinition, raw: Record<string, unknown>): Claim => {
  const errors: FieldError[] = [];
  // A loan's months are its workers' (each worker has their own); a grant's are the claim's.
  const workers: LoanWorker[] | undefined = category.loan ? claimedWorkers(category, category.loan, raw.workers, errors) : undefined;
  if (workers) checkLoanMonths(raw.months, workers, errors);
  const months = workers ? workerMonths(workers) : claimedMonths(category, raw.months, errors);
  const members = claimedMembers(category, raw.members, errors);
  const known = new Set(['months', ...(category.members ? ['members'] : []), ...(category.loan ? ['workers'] : []), ...category.claimFields.map((field) => field.name)]);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) errors.push(fieldError(key, 'claim.unknown-field', { category: category.code }));
  }
  const claim: Claim = { months, ...(workers ? { workers } : {}) };
  for (const definition of category.claimFields) {
    const value = raw[definition.name];
    if (value === undefined || value === null) {
      // The member list stands for the count.
      const counted = definition.name === category.multiplierField && Array.isArray(raw.members);
      if (definition.required && !counted) errors.push(fieldError(definition.name, 'field.required'));
      continue;
    }
    const problem = checkField(definition, value);
    if (problem) errors.push(fieldError(definition.name, ...problem));
    else claim[definition.name] = value as string | number | boolean;
  }
  if (members) {
    claim.members = members;
    // The count and the list must agree where a programme keeps both (older claims gave only the count).
    const count = category.multiplierField ? claim[category.multiplierField] : undefined;
    if (count !== undefined && count !== members.length) errors.push(fieldError(category.multiplierField!, 'members.count-differs', { count: members.length }));
  }
  if (errors.length > 0) throw new ClaimInvalid(errors);
  return claim;
};

const compare = (left: unknown, op: EligibilityCondition['op'], right: unknown): boolean => {
  const l = left as number | string;
  switch (op) {
    case 'lt': return l < (right as number | string);
    case 'lte': return l <= (right as number | string);
    case 'gt': return l > (right as number | string);
    case 'gte': return l >= (right as number | string);
    case 'eq': return l === right;
    case 'in': return Array.isArray(right) && right.includes(l);
    case 'between': {
      const [low, high] = right as [number | string, number | string];
      return l >= low && l <= high;
    }
    default: return true;
  }
};

/** What a condition compares with: a fixed value, or another field (or receivedOn) moved by the offset. */
const comparand = (condition: EligibilityCondition, facts: Record<string, unknown>): unknown => {
  if (condition.otherField === undefined) return condition.value;
  const other = facts[condition.otherField];
  if (other === undefined) return undefined;
  return condition.offset && isDate(other) ? shiftDate(other, condition.offset) : other;
};

/** Whether a condition holds for a claim (and the day it was received); null when what it compares with is absent. */
export const conditionHolds = (condition: EligibilityCondition, claim: Record<string, unknown>, receivedOn?: string): boolean | null => {
  const facts: Record<string, unknown> = { ...claim, ...(receivedOn ? { [RECEIVED_ON]: receivedOn } : {}) };
  const value = facts[condition.field];
  if (value === undefined) return null;
  return conditionMet(condition, value, facts, Array.isArray(claim.months) ? (claim.months as string[]) : []);
};

const conditionMet = (condition: EligibilityCondition, value: unknown, facts: Record<string, unknown>, months: readonly string[]): boolean | null => {
  switch (condition.op) {
    case 'months-not-before': return months.every((month) => month >= String(value).slice(0, 7));
    case 'months-not-after': {
      const last = condition.offset && isDate(value) ? shiftDate(value, condition.offset) : String(value);
      return months.every((month) => month <= last.slice(0, 7));
    }
    // Received after day N of every claimed month (QĐ 15, category 4: after the 15th).
    case 'filed-after-day': return months.every((month) => String(value) > `${month}-${String(condition.value).padStart(2, '0')}`);
    default: {
      const right = comparand(condition, facts);
      return right === undefined ? null : compare(value, condition.op, right);
    }
  }
};

/**
 * Eligibility the programme can state about a claim: the qualifying window, the month cap and
 * the category's own conditions, which may compare two fields or a field with the day the
 * dossier was received. Throws NotEligible listing every unmet condition.
 */
export const checkEligibility = (category: CategoryDefinition, claim: Claim, receivedOn?: string): void => {
  const reasons: FieldError[] = [];
  const outside = claim.months.filter((month) => month < category.window.from || month > category.window.to);
  if (outside.length > 0) {
    reasons.push(fieldError('months', 'eligibility.outside-window', { months: outside, from: category.window.from, to: category.window.to }));
  }
  const wholeWindow = monthsBetween(category.window.from, category.window.to);
  if (category.payment === 'once' && claim.months.join() !== wholeWindow.join()) {
    reasons.push(fieldError('months', 'eligibility.whole-window', { category: category.code, months: wholeWindow }));
  }
  // A loan's cap is per worker (checked with the list): its workers' months together may be more.
  if (!category.loan && claim.months.length > category.maxMonths) {
    reasons.push(fieldError('months', 'eligibility.month-cap', { count: claim.months.length, category: category.code, max: category.maxMonths }));
  }
  const facts: Record<string, unknown> = { ...claim, ...(receivedOn ? { [RECEIVED_ON]: receivedOn } : {}) };
  for (const condition of category.conditions) {
    const value = facts[condition.field];
    if (value === undefined) continue;
    if (conditionMet(condition, value, facts, claim.months) === false) {
      const field = condition.field === RECEIVED_ON ? RECEIVED_ON : `claim.${condition.field}`;
      // The programme's own words for the condition, in both languages where the definition gives them.
      reasons.push({ field, message: 'eligibility.condition', params: { condition: condition.messageLabel ?? { vi: condition.message, en: condition.message } } });
    }
  }
  if (reasons.length > 0) throw new NotEligible(reasons);
};

/** How many people a household claim is paid for: its members where listed, else the count field. */
export const membersCounted = (category: CategoryDefinition, claim: Claim): number => {
  if (Array.isArray(claim.members)) return claim.members.length;
  return category.multiplierField ? Number(claim[category.multiplierField]) : 1;
};

/** The amount is computed, never typed in: rate × months (× household members); a loan's per worker-month. */
export const amountFor = (category: CategoryDefinition, claim: Claim, months: readonly string[]): number =>
  category.loan ? loanAmount(category.loan, claim, months) : category.rate * months.length * membersCounted(category, claim);

/** One member's share of a household support: rate × months. */
export const shareFor = (category: CategoryDefinition, months: readonly string[]): number => category.rate * months.length;
