import { ROLES } from '../common/domain-event';
import { isDate, isMonth } from '../common/month';
import {
  CLAIM_FIELD_TYPES,
  CONDITION_OPERATORS,
  RECEIVED_ON,
  STEP_KINDS,
  type CategoryDefinition,
  type ProgrammeDefinition,
} from './programme-definition';
import { fraudRulesProblems } from './fraud-rules';
import { labelProblems, valueLabelsProblems } from './programme-label';

export class ProgrammeDefinitionInvalid extends Error {
  constructor(readonly source: string, readonly problems: string[]) {
    super(`programme definition ${source} is invalid:\n- ${problems.join('\n- ')}`);
    this.name = 'ProgrammeDefinitionInvalid';
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isPositiveInteger = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

/** Category 8's terms: a region field (an enum) whose every value has a positive minimum wage. */
const validateLoan = (loan: unknown, fields: readonly Record<string, unknown>[], at: string, problems: string[]): void => {
  const need = (ok: boolean, message: string) => {
    if (!ok) problems.push(`${at}.loan: ${message}`);
  };
  if (!isObject(loan)) return need(false, 'must be an object');
  need(typeof loan.lender === 'string' && loan.lender.length > 0, 'lender must be a non-empty string');
  problems.push(...labelProblems(loan.lenderLabel, `${at}.loan.lenderLabel`));
  const region = fields.find((field) => isObject(field) && field.name === loan.regionField);
  need(region !== undefined && region.type === 'enum' && region.required === true, 'regionField must name a required enum claim field');
  const wages = loan.regionalMinimumWages;
  need(isObject(wages) && Object.values(wages).every(isPositiveInteger), 'regionalMinimumWages must map regions to positive whole VND');
  if (region && Array.isArray(region.values) && isObject(wages)) {
    const missing = region.values.filter((value: unknown) => !isPositiveInteger(wages[value as string]));
    need(missing.length === 0, `regionalMinimumWages lacks ${missing.join(', ')}`);
  }
  need(Number.isInteger(loan.wageSharePercent) && (loan.wageSharePercent as number) > 0 && (loan.wageSharePercent as number) <= 100, 'wageSharePercent must be a whole number from 1 to 100');
  need(typeof loan.interestRatePercent === 'number' && loan.interestRatePercent >= 0, 'interestRatePercent must be a number, 0 or more');
  need(isPositiveInteger(loan.maxTermMonths), 'maxTermMonths must be a positive integer');
  need(isObject(loan.workers) && isPositiveInteger(loan.workers.max), 'workers must be { max }');
  if (isObject(loan.workers)) problems.push(...labelProblems(loan.workers.label, `${at}.loan.workers.label`));
};

const validateCategory = (category: Record<string, unknown>, at: string, problems: string[]): void => {
  const need = (ok: boolean, message: string) => {
    if (!ok) problems.push(`${at}: ${message}`);
  };
  need(typeof category.code === 'string' && category.code.length > 0, 'code must be a non-empty string');
  need(typeof category.title === 'string', 'title must be a string');
  problems.push(...labelProblems(category.label, `${at}.label`));
  problems.push(...labelProblems(category.legalBasisLabel, `${at}.legalBasisLabel`));
  if (category.loan === undefined) need(isPositiveInteger(category.rate), 'rate must be a positive whole number of VND');
  else need(category.rate === 0, 'rate must be 0 for a loan: its amount follows loan.regionalMinimumWages');
  need(['person', 'household', 'household-member'].includes(category.unit as string), 'unit must be person, household or household-member');
  need(isPositiveInteger(category.maxMonths), 'maxMonths must be a positive integer');
  need(['monthly', 'once'].includes(category.payment as string), 'payment must be monthly or once');
  const window = category.window;
  need(isObject(window) && isMonth(window.from) && isMonth(window.to) && window.from <= window.to, 'window must be { from, to } months with from <= to');

  const fields = Array.isArray(category.claimFields) ? category.claimFields : [];
  need(Array.isArray(category.claimFields), 'claimFields must be an array');
  const fieldNames = new Set<string>();
  const requiredIntegers = new Set<string>();
  fields.forEach((field: unknown, i: number) => {
    if (!isObject(field) || typeof field.name !== 'string') return need(false, `claimFields[${i}] needs a name`);
    need(!['months', 'members', 'workers'].includes(field.name), `claimFields[${i}]: "${field.name}" is reserved`);
    need(!fieldNames.has(field.name), `claimFields[${i}]: duplicate field ${field.name}`);
    fieldNames.add(field.name);
    need(CLAIM_FIELD_TYPES.includes(field.type as never), `claimFields[${i}].type must be one of ${CLAIM_FIELD_TYPES.join(', ')}`);
    need(typeof field.required === 'boolean', `claimFields[${i}].required must be a boolean`);
    if (field.type === 'enum') need(Array.isArray(field.values) && field.values.length > 0, `claimFields[${i}]: an enum needs values`);
    problems.push(...labelProblems(field.label, `${at}.claimFields[${i}].label`));
    problems.push(...valueLabelsProblems(field.valueLabels, Array.isArray(field.values) ? field.values : [], `${at}.claimFields[${i}].valueLabels`));
    if (field.type === 'integer' && field.required === true) requiredIntegers.add(field.name);
  });
  if (category.unit === 'household-member') {
    // amountFor multiplies by this field: text or a missing value would make the amount NaN.
    need(typeof category.multiplierField === 'string' && requiredIntegers.has(category.multiplierField), 'household-member unit needs multiplierField naming a required integer claim field');
  }

  if (category.members !== undefined) {
    const members = category.members;
    need(category.unit !== 'person', 'members are for household categories');
    need(isObject(members) && typeof members.required === 'boolean' && isPositiveInteger(members.max), 'members must be { required, max }');
    if (isObject(members)) problems.push(...labelProblems(members.label, `${at}.members.label`));
  }

  if (category.loan !== undefined) validateLoan(category.loan, fields, at, problems);

  const conditions = Array.isArray(category.conditions) ? category.conditions : [];
  need(Array.isArray(category.conditions), 'conditions must be an array');
  conditions.forEach((condition: unknown, i: number) => {
    if (!isObject(condition)) return need(false, `conditions[${i}] must be an object`);
    const known = (name: unknown) => fieldNames.has(name as string) || name === RECEIVED_ON;
    need(known(condition.field), `conditions[${i}] refers to unknown claim field ${String(condition.field)}`);
    if (condition.otherField !== undefined) need(known(condition.otherField), `conditions[${i}].otherField refers to unknown claim field ${String(condition.otherField)}`);
    if (condition.offset !== undefined) {
      const offset = condition.offset;
      need(isObject(offset) && Object.entries(offset).every(([k, v]) => ['months', 'days'].includes(k) && Number.isSafeInteger(v)), `conditions[${i}].offset must be { months?, days? } whole numbers`);
    }
    need(CONDITION_OPERATORS.includes(condition.op as never), `conditions[${i}].op must be one of ${CONDITION_OPERATORS.join(', ')}`);
    need(typeof condition.message === 'string', `conditions[${i}] needs a message`);
    problems.push(...labelProblems(condition.messageLabel, `${at}.conditions[${i}].messageLabel`));
    problems.push(...labelProblems(condition.legalBasisLabel, `${at}.conditions[${i}].legalBasisLabel`));
    if (condition.op === 'between') need(Array.isArray(condition.value) && condition.value.length === 2, `conditions[${i}]: between needs [low, high]`);
  });

  const steps = Array.isArray(category.steps) ? category.steps : [];
  need(steps.length >= 3, 'steps must list at least intake, an approval and payment');
  const stepNames = new Set<string>();
  steps.forEach((step: unknown, i: number) => {
    if (!isObject(step) || typeof step.name !== 'string' || !/^[a-z][a-z0-9-]*$/.test(step.name)) {
      return need(false, `steps[${i}] needs a kebab-case name`);
    }
    need(!stepNames.has(step.name), `steps[${i}]: duplicate step ${step.name}`);
    problems.push(...labelProblems(step.label, `${at}.steps[${i}].label`));
    problems.push(...labelProblems(step.legalBasisLabel, `${at}.steps[${i}].legalBasisLabel`));
    need(STEP_KINDS.includes(step.kind as never), `steps[${i}].kind must be one of ${STEP_KINDS.join(', ')}`);
    need(ROLES.includes(step.role as never), `steps[${i}].role must be one of ${ROLES.join(', ')}`);
    need(step.timeLimitWorkingDays === null || isPositiveInteger(step.timeLimitWorkingDays), `steps[${i}].timeLimitWorkingDays must be null or a positive integer`);
    if (step.countFrom !== undefined) need(stepNames.has(step.countFrom as string) && step.countFrom !== step.name, `steps[${i}].countFrom must name an earlier step`);
    if (step.minWorkingDays !== undefined) need(step.kind === 'posting' && isPositiveInteger(step.minWorkingDays), `steps[${i}].minWorkingDays is for postings, a positive integer`);
    stepNames.add(step.name);
  });
  const kinds = steps.map((step: Record<string, unknown>) => step?.kind);
  need(kinds[0] === 'intake' && kinds.filter((k) => k === 'intake').length === 1, 'the first step, and only it, must be of kind intake');
  need(kinds[kinds.length - 1] === 'payment' && kinds.filter((k) => k === 'payment').length === 1, 'the last step, and only it, must be of kind payment');
  need(kinds.includes('approval'), 'a category needs a step of kind approval, where the amount is fixed');
};

/**
 * Checks a definition loaded from outside (a JSON file) and returns it typed. Refuses, with every
 * problem listed, anything the decider could not run: a programme is data, so data errors must
 * stop start-up rather than surface as a wrong payment.
 */
export const validateProgramme = (input: unknown, source = 'definition'): ProgrammeDefinition => {
  const problems: string[] = [];
  if (!isObject(input)) throw new ProgrammeDefinitionInvalid(source, ['must be a JSON object']);
  const need = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  need(typeof input.id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(input.id), 'id must be a kebab-case string');
  need(isPositiveInteger(input.version), 'version must be a positive integer');
  need(typeof input.title === 'string', 'title must be a string');
  problems.push(...labelProblems(input.label, 'label'));
  need(typeof input.currency === 'string', 'currency must be a string');
  need(Array.isArray(input.legalBasis), 'legalBasis must be an array');
  const combination = input.combination;
  need(isObject(combination) && combination.rule === 'highest-only' && Array.isArray(combination.stackableCategories), 'combination must be { rule: "highest-only", stackableCategories: [] }');
  const calendar = input.calendar;
  need(
    isObject(calendar) && Array.isArray(calendar.holidays) && calendar.holidays.every(isDate) && Number.isInteger(calendar.utcOffsetMinutes),
    'calendar must be { holidays: [YYYY-MM-DD], utcOffsetMinutes }',
  );
  const filing = input.filingPeriod;
  if (filing !== undefined) need(isObject(filing) && isDate(filing.from) && (filing.to === undefined || (isDate(filing.to) && filing.from <= filing.to)), 'filingPeriod must be { from, to? } dates with from <= to');
  const categories = Array.isArray(input.categories) ? input.categories : [];
  need(categories.length > 0, 'categories must be a non-empty array');
  const codes = new Set<string>();
  categories.forEach((category: unknown, i: number) => {
    if (!isObject(category)) return need(false, `categories[${i}] must be an object`);
    validateCategory(category, `categories[${i}] (${String(category.code)})`, problems);
    need(!codes.has(category.code as string), `categories[${i}]: duplicate code ${String(category.code)}`);
    codes.add(category.code as string);
  });
  if (isObject(combination) && Array.isArray(combination.stackableCategories)) {
    combination.stackableCategories.forEach((code: unknown) => need(codes.has(code as string), `combination.stackableCategories names unknown category ${String(code)}`));
  }
  const claimFields = new Map(categories.filter(isObject).map((category: Record<string, unknown>) => [
    String(category.code),
    new Set((Array.isArray(category.claimFields) ? category.claimFields : []).map((field: Record<string, unknown>) => String(field?.name))),
  ]));
  // Fraud rules name categories and claim fields: checked once those are sound, so one broken
  // category is reported once, not again through every rule that refers to it.
  if (problems.length === 0) problems.push(...fraudRulesProblems(input.fraudRules, claimFields));
  if (problems.length > 0) throw new ProgrammeDefinitionInvalid(source, problems);
  return input as unknown as ProgrammeDefinition;
};

export type { CategoryDefinition };
