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

export const CONDITION_OPERATORS = ['lt', 'lte', 'gt', 'gte', 'eq', 'in', 'between', 'months-not-before', 'months-not-after', 'filed-after-day'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** Conditions may name the day the ward received the dossier as if it were a claim field. */
export const RECEIVED_ON = 'receivedOn';

/**
 * An eligibility condition the programme states about one claim field (or `receivedOn`).
 * `months-not-before` / `months-not-after`: no claimed month before / after the month of the
 * (date) field, e.g. the job loss, the end of a suspension. `filed-after-day`: the dossier was
 * received after day `value` of every claimed month (category 4: after the 15th). With
 * `otherField` the field is compared with another field (or `receivedOn`) moved by `offset`
 * instead of with `value`: a furlough ends no earlier than a month less a day after it starts.
 * A condition whose field is absent from the claim is not checked (optional fields).
 */
export interface EligibilityCondition {
  readonly field: string;
  readonly op: ConditionOperator;
  readonly value?: string | number | boolean | readonly (string | number)[];
  readonly otherField?: string;
  readonly offset?: { readonly months?: number; readonly days?: number };
  readonly message: string;
  /** The condition as officers read it, in both languages (a refusal names it). */
  readonly messageLabel?: Label;
  readonly legalBasis?: string;
  readonly legalBasisLabel?: Label;
  /** False where the domain document marks the rule UNCONFIRMED. */
  readonly confirmed?: boolean;
}

/**
 * Category 8 (NQ 42, QĐ 15 Art. 14–15): a loan to the employer, not a grant. The claim lists its
 * furloughed workers, each with the months claimed; per worker and month the loan is
 * `wageSharePercent` % of the regional minimum wage of the employer's region (`regionField`).
 * The lender disburses it monthly, to each worker. The wages are UNCONFIRMED: configuration.
 */
export interface LoanTerms {
  readonly lender: string;
  readonly lenderLabel?: Label;
  /** The claim field (an enum) naming the employer's minimum-wage region. */
  readonly regionField: string;
  /** VND per month, by region value. */
  readonly regionalMinimumWages: Readonly<Record<string, number>>;
  readonly wageSharePercent: number;
  readonly interestRatePercent: number;
  readonly maxTermMonths: number;
  readonly workers: { readonly label?: Label; readonly max: number };
}

export interface CategoryDefinition {
  readonly code: string;
  readonly title: string;
  readonly label?: Label;
  /** VND per unit per month; 0 for a loan, whose amount per worker-month follows `loan`. */
  readonly rate: number;
  readonly unit: 'person' | 'household' | 'household-member';
  /** For 'household-member': the claim field holding the number of members. */
  readonly multiplierField?: string;
  /**
   * For household categories: the claim names its members (`claim.members`), each a
   * beneficiary with a person stream of their own; when given, they are what is counted.
   */
  readonly members?: { readonly label?: Label; readonly required: boolean; readonly max: number };
  /** Category 8: the employer borrows for its listed workers; absent for grants. */
  readonly loan?: LoanTerms;
  /** Per person (for a loan: per worker). */
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
  /**
   * The days a ward may receive dossiers under this version (`receivedOn`), both included: an
   * amending act's effective date starts a new version's period; the cut-off (`to`) is a
   * parameter, open where no source gives one.
   */
  readonly filingPeriod?: { readonly from: string; readonly to?: string };
  readonly categories: readonly CategoryDefinition[];
  /** Detective rules F1–F20: thresholds, severities, legal bases (absent: no detectors run). */
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
