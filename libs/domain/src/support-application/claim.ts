import { ClaimInvalid, NotEligible, type FieldError } from '../common/domain-error';
import { isDate, isMonth, monthsBetween } from '../common/month';
import type { CategoryDefinition, ClaimFieldDefinition, EligibilityCondition } from '../programme/programme-definition';
import type { Claim } from './support-application.events';

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

/** Shape and types of the claim against the category's fields. Throws ClaimInvalid listing every field. */
export const parseClaim = (category: CategoryDefinition, raw: Record<string, unknown>): Claim => {
  const errors: FieldError[] = [];
  const months = claimedMonths(category, raw.months, errors);
  const known = new Set(['months', ...category.claimFields.map((field) => field.name)]);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) errors.push(fieldError(key, 'claim.unknown-field', { category: category.code }));
  }
  const claim: Claim = { months };
  for (const definition of category.claimFields) {
    const value = raw[definition.name];
    if (value === undefined || value === null) {
      if (definition.required) errors.push(fieldError(definition.name, 'field.required'));
      continue;
    }
    const problem = checkField(definition, value);
    if (problem) errors.push(fieldError(definition.name, ...problem));
    else claim[definition.name] = value as string | number | boolean;
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
    case 'months-not-before': return true;
  }
};

/**
 * Eligibility the programme can state about a claim: the qualifying window, the month cap and
 * the category's own conditions. Throws NotEligible listing every unmet condition.
 */
export const checkEligibility = (category: CategoryDefinition, claim: Claim): void => {
  const reasons: FieldError[] = [];
  const outside = claim.months.filter((month) => month < category.window.from || month > category.window.to);
  if (outside.length > 0) {
    reasons.push(fieldError('months', 'eligibility.outside-window', { months: outside, from: category.window.from, to: category.window.to }));
  }
  const wholeWindow = monthsBetween(category.window.from, category.window.to);
  if (category.payment === 'once' && claim.months.join() !== wholeWindow.join()) {
    reasons.push(fieldError('months', 'eligibility.whole-window', { category: category.code, months: wholeWindow }));
  }
  if (claim.months.length > category.maxMonths) {
    reasons.push(fieldError('months', 'eligibility.month-cap', { count: claim.months.length, category: category.code, max: category.maxMonths }));
  }
  for (const condition of category.conditions) {
    const value = claim[condition.field];
    if (value === undefined) continue;
    const met = condition.op === 'months-not-before'
      ? claim.months.every((month) => month >= String(value).slice(0, 7))
      : compare(value, condition.op, condition.value);
    // The programme's own words for the condition, in both languages where the definition gives them.
    if (!met) reasons.push(fieldError(condition.field, 'eligibility.condition', { condition: condition.messageLabel ?? { vi: condition.message, en: condition.message } }));
  }
  if (reasons.length > 0) throw new NotEligible(reasons);
};

/** The amount is computed, never typed in: rate × months (× household members). */
export const amountFor = (category: CategoryDefinition, claim: Claim, months: readonly string[]): number => {
  const multiplier = category.multiplierField ? Number(claim[category.multiplierField]) : 1;
  return category.rate * months.length * multiplier;
};
