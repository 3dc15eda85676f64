import type { Role } from '../common/domain-event';
import type { WorkingCalendar } from '../common/working-days';
import type { FraudRules } from './fraud-rules';
import type { Label } from './programme-label';

export type { Label };

export const STEP_KINDS = ['intake', 'review', 'posting', 'approval', 'decision', 'payment'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface StepDefinition {
  readonly name: string;
  readonly label?: Label;
  readonly kind: StepKind;
  readonly role: Role;
  /** Legal limit in working days, counted from the previous step (or `countFrom`); null where the law gives none. */
  readonly timeLimitWorkingDays: number | null;
  /** An earlier step from whose completion the limit counts (QĐ 15: the commune's 5 days run from intake). */
  readonly countFrom?: string;
  /** For postings: how long the list must stay posted (QĐ 15: 2 working days for category 4). */
  readonly minWorkingDays?: number;
  readonly legalBasis?: string;
  readonly legalBasisLabel?: Label;
}

export const CLAIM_FIELD_TYPES = ['integer', 'date', 'string', 'boolean', 'enum'] as const;
export type ClaimFieldType = (typeof CLAIM_FIELD_TYPES)[number];

export interface ClaimFieldDefinition {
  readonly name: string;
  readonly label?: Label;
  readonly type: ClaimFieldType;
  readonly required: boolean;
  readonly values?: readonly string[];
  /** For an enum: each value's words. */
  readonly valueLabels?: Readonly<Record<string, Label>>;
  readonly min?: number;
  readonly max?: number;
}

export const CONDITION_OPERATORS = ['lt', 'lte', 'gt', 'gte', 'eq', 'in', 'between', 'months-not-before'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/**
 * An eligibility condition the programme states about one claim field. `months-not-before`
 * says no claimed month may precede the month of the (date) field, e.g. the job loss.
 */
export interface EligibilityCondition {
  readonly field: string;
  readonly op: ConditionOperator;
  readonly value?: string | number | boolean | readonly (string | number)[];
  readonly message: string;
  /** The condition as officers read it, in both languages (a refusal names it). */
  readonly messageLabel?: Label;
  readonly legalBasis?: string;
  readonly legalBasisLabel?: Label;
  /** False where the domain document marks the rule UNCONFIRMED. */
  readonly confirmed?: boolean;
}

export interface CategoryDefinition {
  readonly code: string;
  readonly title: string;
  readonly label?: Label;
  /** VND per unit per month. */
  readonly rate: number;
  readonly unit: 'person' | 'household' | 'household-member';
  /** For 'household-member': the claim field holding the number of members. */
  readonly multiplierField?: string;
  readonly maxMonths: number;
  readonly window: { readonly from: string; readonly to: string };
  readonly payment: 'monthly' | 'once';
  readonly claimFields: readonly ClaimFieldDefinition[];
  readonly conditions: readonly EligibilityCondition[];
  readonly steps: readonly StepDefinition[];
  readonly legalBasis?: string;
  readonly legalBasisLabel?: Label;
}

export interface ProgrammeDefinition {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly label?: Label;
  readonly currency: string;
  readonly legalBasis: readonly string[];
  /**
   * NQ 42: a person receives one support only, the highest; `stackableCategories` may be
   * held together with any other (the meritorious-service supplement, wording UNCONFIRMED).
   */
  readonly combination: { readonly rule: 'highest-only'; readonly stackableCategories: readonly string[] };
  readonly calendar: WorkingCalendar;
  readonly categories: readonly CategoryDefinition[];
  /** Detective rules F1–F19: thresholds, severities, legal bases (absent: no detectors run). */
  readonly fraudRules?: FraudRules;
}

/** Resolves a programme definition; without a version, the newest. Pure data lookup. */
export type ProgrammeCatalog = (id: string, version?: number) => ProgrammeDefinition | undefined;

export const findCategory = (programme: ProgrammeDefinition, code: string): CategoryDefinition | undefined =>
  programme.categories.find((category) => category.code === code);

/** A catalog over loaded definitions: a version pins one, no version means the newest. */
export const catalogOf = (programmes: readonly ProgrammeDefinition[]): ProgrammeCatalog => (id, version) => {
  const matching = programmes.filter((programme) => programme.id === id && (version === undefined || programme.version === version));
  return matching.sort((a, b) => b.version - a.version)[0];
};
