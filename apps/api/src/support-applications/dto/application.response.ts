import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';

export const APPLICATION_STATUSES = ['submitted', 'in-progress', 'approved', 'paid', 'rejected', 'withdrawn', 'recovery-ordered', 'recovered', 'superseded'] as const;
export type ApplicationStatusName = (typeof APPLICATION_STATUSES)[number];

export class ApplicantResponse {
  @ApiProperty() citizenId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ example: '1982-09-12' }) dateOfBirth!: string;
  @ApiProperty() ward!: string;
  @ApiProperty() address!: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() bankAccount?: string;
}

const CLAIM_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  description: 'the months claimed and the category’s own fields (GET /programmes/{id} claimFields)',
  properties: { months: { type: 'array', items: { type: 'string', example: '2020-04' } } },
  required: ['months'],
  selfRequired: true,
  additionalProperties: true,
};

export const WARNING_CODES = ['already-supported', 'probable-same-person'] as const;
export const IDENTITY_EVIDENCE = ['name', 'dateOfBirth', 'address', 'phone', 'bankAccount', 'documentKinds'] as const;

/** A warning at intake and on the case: never a refusal. */
export class ApplicationWarningResponse {
  @ApiProperty({ enum: WARNING_CODES }) code!: (typeof WARNING_CODES)[number];
  @ApiProperty({ description: 'in the language of Accept-Language (Vietnamese unless English comes first)' }) message!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the other application; absent when the caller may not read it' }) applicationId?: string;
  @ApiProperty() ward!: string;
  @ApiProperty() category!: string;
  @ApiProperty() status!: string;
  @ApiPropertyOptional({ description: 'probable-same-person: the match score (programme F20 weights)' }) score?: number;
  @ApiPropertyOptional({ enum: IDENTITY_EVIDENCE, isArray: true, description: 'probable-same-person: what agreed' }) matched?: (typeof IDENTITY_EVIDENCE)[number][];
}

/** POST /applications: the command's answer and the warnings the officer should see now. */
export class SubmitResultResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() status!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [ApplicationWarningResponse] }) warnings!: ApplicationWarningResponse[];
}

/** GET /applications/{id}: the current state, with the claim and step detail a case page needs. */
export class ApplicationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() programme!: string;
  @ApiProperty() programmeVersion!: number;
  @ApiProperty() category!: string;
  @ApiProperty() ward!: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status!: ApplicationStatusName;
  @ApiProperty({ type: String, nullable: true, description: 'the step the application awaits; null once closed' }) currentStep!: string | null;
  @ApiProperty({ type: [String], description: 'the steps of its category, in order' }) steps!: string[];
  @ApiProperty() version!: number;
  @ApiProperty({ type: ApplicantResponse }) applicant!: ApplicantResponse;
  @ApiProperty(CLAIM_SCHEMA) claim!: { months: string[] } & Record<string, unknown>;
  @ApiProperty() claimedAmount!: number;
  @ApiProperty({ type: [String], nullable: true, description: 'the months the ward approved, when fewer than claimed' }) approvedMonths!: string[] | null;
  @ApiProperty() approvedAmount!: number;
  @ApiProperty() paidAmount!: number;
  @ApiProperty() recoveryOrderedAmount!: number;
  @ApiProperty() recoveredAmount!: number;
  @ApiProperty({ description: 'what a payment must equal now: approved, less what was paid here or under a superseded lower support' }) amountDue!: number;
  @ApiProperty({ description: 'paid to the person under lower supports this one superseded' }) creditedAmount!: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'the higher support that closed this one (status superseded)' }) supersededBy!: string | null;
  @ApiProperty({ type: [String], description: 'the lower supports this one superseded' }) supersedes!: string[];
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'the day the ward received the dossier' }) receivedOn!: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: [ApplicationWarningResponse], description: 'already-supported, probable-same-person: never a refusal' }) warnings!: ApplicationWarningResponse[];
}

export class ApplicationSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() programme!: string;
  @ApiProperty() category!: string;
  @ApiProperty() ward!: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status!: ApplicationStatusName;
  @ApiProperty({ type: String, nullable: true }) currentStep!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty() fullName!: string;
  @ApiProperty() approvedAmount!: number;
  @ApiProperty() paidAmount!: number;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ApplicationPageResponse {
  @ApiProperty({ type: [ApplicationSummaryResponse] }) items!: ApplicationSummaryResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as cursor for the next page; null on the last' }) nextCursor!: string | null;
}

export class StateAtResponse {
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) asOf!: string | null;
  @ApiProperty() atVersion!: number;
  @ApiProperty({ type: ApplicationResponse }) state!: ApplicationResponse;
}
