import { labelProblems, type Label } from './programme-label';

/**
 * Detective anti-fraud rules F1–F19 of the domain document (§6), and F20 (one person under two
 * ID documents, §2: a 9-digit CMND and a 12-digit CCCD), as programme parameters:
 * severities, legal bases, cluster thresholds and which claim conditions each rule re-checks
 * on history. Much of it is UNCONFIRMED practice, so it is data, not code.
 */
export const FRAUD_RULE_IDS = [
  'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10',
  'F11', 'F12', 'F13', 'F14', 'F15', 'F16', 'F17', 'F18', 'F19', 'F20',
] as const;
export type FraudRuleId = (typeof FRAUD_RULE_IDS)[number];

export const FRAUD_SEVERITIES = ['low', 'medium', 'high'] as const;
export type FraudSeverity = (typeof FRAUD_SEVERITIES)[number];

export interface FraudRuleDefinition {
  readonly title: string;
  readonly label?: Label;
  readonly severity: FraudSeverity;
  readonly legalBasis: string;
  readonly legalBasisLabel?: Label;
  /** Default true; a rule our events cannot express is listed with `enabled: false` and why. */
  readonly enabled?: boolean;
  readonly why?: string;
  /**
   * Default true. False where confirming an alert says nothing about a payment being improper
   * (a step done late, a province's budget total): there is then nothing to order back.
   */
  readonly recoverable?: boolean;
  /** Named whole-number parameters: cluster sizes, a budget, a day of the month. */
  readonly thresholds?: Readonly<Record<string, number>>;
  /** Where each threshold comes from, and whether a source confirms it (F17's budget is a figure from a news report). */
  readonly thresholdSources?: Readonly<Record<string, ThresholdSource>>;
  /**
   * Category code → claim checks re-run on history: `field` (presence if required, enum values,
   * and every condition on the field except months-not-before), `field:months-not-before`, or
   * `present:field` (the field must be filled although the form leaves it optional).
   */
  readonly claimChecks?: Readonly<Record<string, readonly string[]>>;
}

export interface ThresholdSource {
  readonly source: string;
  /** What the figure is: e.g. a province-wide lower bound, not a budget line. */
  readonly note?: string;
  readonly confirmed: boolean;
}

/** Thresholds whose source the programme must state. */
export const SOURCED_THRESHOLDS: Partial<Record<FraudRuleId, readonly string[]>> = {
  F17: ['budgetVnd'],
};

export type FraudRules = Readonly<Partial<Record<FraudRuleId, FraudRuleDefinition>>>;

/** Thresholds a rule cannot run without. */
export const REQUIRED_THRESHOLDS: Partial<Record<FraudRuleId, readonly string[]>> = {
  F9: ['filingDayOfMonth'],
  F13: ['bankAccount', 'phone', 'address', 'payee'],
  F14: ['refusalsPerWardDay'],
  F17: ['budgetVnd'],
  F20: ['minScore', 'nameAndBirth', 'address', 'phone', 'bankAccount', 'documentKinds'],
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Claim fields per category code, to check that claimChecks name real fields. */
export type ClaimFieldsByCategory = ReadonlyMap<string, ReadonlySet<string>>;

const checkSpecProblem = (spec: unknown, fields: ReadonlySet<string>): string | null => {
  if (typeof spec !== 'string') return 'must be a string';
  const [head, tail] = spec.split(':');
  const field = head === 'present' ? tail : head;
  if (!fields.has(field)) return `names unknown claim field ${field}`;
  if (head !== 'present' && tail !== undefined && tail !== 'months-not-before') return `only :months-not-before may follow a field`;
  return null;
};

/** Problems with a `fraudRules` section; absent is fine (no detectors configured). */
export const fraudRulesProblems = (input: unknown, categories: ClaimFieldsByCategory): string[] => {
  if (input === undefined) return [];
  if (!isObject(input)) return ['fraudRules must be an object keyed by rule id (F1 to F20)'];
  const problems: string[] = [];
  for (const [id, rule] of Object.entries(input)) {
    const at = `fraudRules.${id}`;
    if (!FRAUD_RULE_IDS.includes(id as FraudRuleId)) {
      problems.push(`${at}: unknown rule; rules are F1 to F20`);
      continue;
    }
    if (!isObject(rule)) {
      problems.push(`${at} must be an object`);
      continue;
    }
    if (typeof rule.title !== 'string') problems.push(`${at}.title must be a string`);
    if (!FRAUD_SEVERITIES.includes(rule.severity as FraudSeverity)) problems.push(`${at}.severity must be one of ${FRAUD_SEVERITIES.join(', ')}`);
    if (typeof rule.legalBasis !== 'string' || rule.legalBasis.length === 0) problems.push(`${at}.legalBasis must be a non-empty string`);
    if (rule.enabled !== undefined && typeof rule.enabled !== 'boolean') problems.push(`${at}.enabled must be true or false`);
    if (rule.recoverable !== undefined && typeof rule.recoverable !== 'boolean') problems.push(`${at}.recoverable must be true or false`);
    problems.push(...labelProblems(rule.label, `${at}.label`));
    problems.push(...labelProblems(rule.legalBasisLabel, `${at}.legalBasisLabel`));
    const thresholds = rule.thresholds ?? {};
    if (!isObject(thresholds)) problems.push(`${at}.thresholds must be an object of whole numbers`);
    else {
      for (const [name, value] of Object.entries(thresholds)) {
        if (!Number.isSafeInteger(value) || (value as number) < 1) problems.push(`${at}.thresholds.${name} must be a positive whole number`);
      }
      if (rule.enabled !== false) {
        for (const name of REQUIRED_THRESHOLDS[id as FraudRuleId] ?? []) {
          if (thresholds[name] === undefined) problems.push(`${at}.thresholds.${name} is required`);
        }
      }
    }
    const sources = rule.thresholdSources ?? {};
    if (!isObject(sources)) problems.push(`${at}.thresholdSources must map threshold names to { source, confirmed }`);
    else {
      for (const [name, entry] of Object.entries(sources)) {
        if (!isObject(thresholds) || thresholds[name] === undefined) problems.push(`${at}.thresholdSources.${name} names no threshold`);
        if (!isObject(entry) || typeof entry.source !== 'string' || entry.source.trim() === '' || typeof entry.confirmed !== 'boolean' || (entry.note !== undefined && typeof entry.note !== 'string')) {
          problems.push(`${at}.thresholdSources.${name} must be { source, note?, confirmed }`);
        }
      }
      if (rule.enabled !== false) {
        for (const name of SOURCED_THRESHOLDS[id as FraudRuleId] ?? []) {
          if (sources[name] === undefined) problems.push(`${at}.thresholdSources.${name} is required: say where the figure comes from`);
        }
      }
    }
    if (rule.claimChecks !== undefined) {
      if (!isObject(rule.claimChecks)) problems.push(`${at}.claimChecks must map category codes to lists of checks`);
      else {
        for (const [code, specs] of Object.entries(rule.claimChecks)) {
          const fields = categories.get(code);
          if (!fields) problems.push(`${at}.claimChecks names unknown category ${code}`);
          else if (!Array.isArray(specs)) problems.push(`${at}.claimChecks.${code} must be a list`);
          else specs.forEach((spec, i) => {
            const problem = checkSpecProblem(spec, fields);
            if (problem) problems.push(`${at}.claimChecks.${code}[${i}] ${problem}`);
          });
        }
      }
    }
  }
  return problems;
};

/** The settings of an enabled rule, or undefined when the programme does not run it. */
export const fraudRule = (rules: FraudRules | undefined, id: FraudRuleId): FraudRuleDefinition | undefined => {
  const rule = rules?.[id];
  return rule && rule.enabled !== false ? rule : undefined;
};
