import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLAIM_FIELD_TYPES, CONDITION_OPERATORS, FRAUD_RULE_IDS, FRAUD_SEVERITIES, ROLES, STEP_KINDS } from '@lib/domain';

export class LabelResponse {
  @ApiProperty({ description: 'Vietnamese' }) vi!: string;
  @ApiProperty({ description: 'English' }) en!: string;
}

export class ClaimFieldResponse {
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ type: LabelResponse }) label?: LabelResponse;
  @ApiProperty({ enum: CLAIM_FIELD_TYPES }) type!: (typeof CLAIM_FIELD_TYPES)[number];
  @ApiProperty() required!: boolean;
  @ApiPropertyOptional({ type: [String] }) values?: string[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: { $ref: '#/components/schemas/LabelResponse' }, description: 'an enum value’s words' })
  valueLabels?: Record<string, LabelResponse>;
  @ApiPropertyOptional() min?: number;
  @ApiPropertyOptional() max?: number;
}

export class ConditionResponse {
  @ApiProperty() field!: string;
  @ApiProperty({ enum: CONDITION_OPERATORS }) op!: string;
  @ApiPropertyOptional({ description: 'a string, number, boolean or list of them' }) value?: unknown;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ type: LabelResponse, description: 'the condition in Vietnamese and English' }) messageLabel?: LabelResponse;
  @ApiPropertyOptional() legalBasis?: string;
  @ApiPropertyOptional({ type: LabelResponse }) legalBasisLabel?: LabelResponse;
  @ApiPropertyOptional() confirmed?: boolean;
}

export class StepResponse {
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ type: LabelResponse }) label?: LabelResponse;
  @ApiProperty({ enum: STEP_KINDS }) kind!: (typeof STEP_KINDS)[number];
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ type: Number, nullable: true }) timeLimitWorkingDays!: number | null;
  @ApiPropertyOptional() countFrom?: string;
  @ApiPropertyOptional() minWorkingDays?: number;
  @ApiPropertyOptional() legalBasis?: string;
  @ApiPropertyOptional({ type: LabelResponse }) legalBasisLabel?: LabelResponse;
}

export class MonthWindowResponse {
  @ApiProperty({ example: '2020-04' }) from!: string;
  @ApiProperty({ example: '2020-06' }) to!: string;
}

export class MembersRuleResponse {
  @ApiPropertyOptional({ type: LabelResponse }) label?: LabelResponse;
  @ApiProperty() required!: boolean;
  @ApiProperty() max!: number;
}

export class LoanWorkersRuleResponse {
  @ApiPropertyOptional({ type: LabelResponse }) label?: LabelResponse;
  @ApiProperty() max!: number;
}

export class LoanTermsResponse {
  @ApiProperty() lender!: string;
  @ApiPropertyOptional({ type: LabelResponse }) lenderLabel?: LabelResponse;
  @ApiProperty({ description: 'the claim field (an enum) naming the minimum-wage region' }) regionField!: string;
  @ApiProperty({ description: 'VND per month by region (UNCONFIRMED: configuration)', type: 'object', additionalProperties: { type: 'integer' }, example: { I: 4420000, II: 3920000 } })
  regionalMinimumWages!: Record<string, number>;
  @ApiProperty({ description: 'share of the regional minimum wage lent per worker-month', example: 50 }) wageSharePercent!: number;
  @ApiProperty({ example: 0 }) interestRatePercent!: number;
  @ApiProperty({ example: 12 }) maxTermMonths!: number;
  @ApiProperty({ type: LoanWorkersRuleResponse }) workers!: LoanWorkersRuleResponse;
}

export class CategoryResponse {
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ type: LabelResponse }) label?: LabelResponse;
  @ApiPropertyOptional() legalBasis?: string;
  @ApiPropertyOptional({ type: LabelResponse }) legalBasisLabel?: LabelResponse;
  @ApiProperty({ description: 'VND per unit per month; 0 for a loan (see loan)' }) rate!: number;
  @ApiProperty({ enum: ['person', 'household', 'household-member'] }) unit!: 'person' | 'household' | 'household-member';
  @ApiProperty() maxMonths!: number;
  @ApiProperty({ type: MonthWindowResponse }) window!: MonthWindowResponse;
  @ApiProperty({ enum: ['monthly', 'once'] }) payment!: 'monthly' | 'once';
  @ApiProperty({ type: [ClaimFieldResponse] }) claimFields!: ClaimFieldResponse[];
  @ApiPropertyOptional({ type: MembersRuleResponse, description: 'household categories: claim.members lists each member, a beneficiary of an equal share' }) members?: MembersRuleResponse;
  @ApiPropertyOptional({ type: LoanTermsResponse, description: 'category 8: a loan to the employer; claim.workers lists each worker with their months' }) loan?: LoanTermsResponse;
  @ApiProperty({ type: [ConditionResponse] }) conditions!: ConditionResponse[];
  @ApiProperty({ type: [StepResponse] }) steps!: StepResponse[];
}

export class FraudRuleResponse {
  @ApiProperty({ enum: FRAUD_RULE_IDS }) id!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ type: LabelResponse }) label?: LabelResponse;
  @ApiProperty({ enum: FRAUD_SEVERITIES }) severity!: (typeof FRAUD_SEVERITIES)[number];
  @ApiProperty() legalBasis!: string;
  @ApiPropertyOptional({ type: LabelResponse }) legalBasisLabel?: LabelResponse;
  @ApiProperty({ description: 'false: the programme runs no detector for it' }) enabled!: boolean;
  @ApiProperty({ description: 'false: a confirmed alert of this rule says nothing about an improper payment, so there is nothing to order back' })
  recoverable!: boolean;
}

export class CombinationResponse {
  @ApiProperty({ enum: ['highest-only'] }) rule!: 'highest-only';
  @ApiProperty({ type: [String] }) stackableCategories!: string[];
}

export class CalendarResponse {
  @ApiProperty({ type: [String] }) holidays!: string[];
  @ApiProperty() utcOffsetMinutes!: number;
}

export class ProgrammeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ type: LabelResponse }) label?: LabelResponse;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: [String] }) legalBasis!: string[];
  @ApiProperty({ type: CombinationResponse }) combination!: CombinationResponse;
  @ApiProperty({ type: CalendarResponse }) calendar!: CalendarResponse;
  @ApiProperty({ type: [CategoryResponse] }) categories!: CategoryResponse[];
  @ApiProperty({ type: [FraudRuleResponse] }) fraudRules!: FraudRuleResponse[];
}

export class ProgrammeListResponse {
  @ApiProperty({ type: [ProgrammeResponse] }) items!: ProgrammeResponse[];
}
