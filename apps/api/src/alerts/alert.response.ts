import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FRAUD_RULE_IDS, FRAUD_SEVERITIES } from '@lib/domain';
import { ALERT_REASON_KEYS, ALERT_STATUSES } from '@lib/projections';

export class RecoveryOrderResponse {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() amount!: number;
}

export class AlertResolutionResponse {
  @ApiProperty({ enum: ['confirmed', 'dismissed'] }) outcome!: 'confirmed' | 'dismissed';
  @ApiProperty() note!: string;
  @ApiProperty() resolvedBy!: string;
  @ApiProperty({ format: 'date-time' }) resolvedAt!: string;
  @ApiProperty({ type: [String] }) applicationIds!: string[];
  @ApiProperty({ type: [RecoveryOrderResponse], description: 'what the confirmation ordered back' }) recoveryOrdered!: RecoveryOrderResponse[];
}

export class IdentityPairResponse {
  @ApiProperty({ type: [String] }) applicationIds!: string[];
  @ApiProperty({ type: [String] }) citizenIds!: string[];
  @ApiProperty({ type: [String], description: 'cmnd (9 digits), cccd (12 digits) or other' }) documentKinds!: string[];
  @ApiProperty({ type: [String], description: 'what agreed: name, dateOfBirth, address, phone, bankAccount, documentKinds' }) matched!: string[];
  @ApiProperty() score!: number;
}

/** Structured evidence; F20 gives `kind: probable-same-person`, the score needed and each matched pair. */
export class AlertDetailsResponse {
  @ApiProperty() kind!: string;
  @ApiPropertyOptional() minScore?: number;
  @ApiPropertyOptional({ type: [IdentityPairResponse], description: 'F20: the first 100 matched pairs, in the order the applications were filed' }) pairs?: IdentityPairResponse[];
  @ApiPropertyOptional({ description: 'F20: how many pairs matched in all (pairs lists at most 100)' }) pairsTotal?: number;
}

/** Why the alert holds, as a message key and its params: months YYYY-MM, dates YYYY-MM-DD, amounts in VND, step names, programme labels { vi, en }. */
export class AlertReasonResponse {
  @ApiProperty({ enum: ALERT_REASON_KEYS }) key!: (typeof ALERT_REASON_KEYS)[number];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'codes, numbers, months, dates, lists of them, or labels { vi, en }' })
  params!: Record<string, unknown>;
}

export class AlertResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: FRAUD_RULE_IDS }) rule!: string;
  @ApiProperty({ description: 'the rule’s title in the request’s language (Accept-Language; Vietnamese by default)' }) title!: string;
  @ApiProperty({ description: 'the rule’s legal basis in the request’s language' }) legalBasis!: string;
  @ApiProperty({ enum: FRAUD_SEVERITIES }) severity!: (typeof FRAUD_SEVERITIES)[number];
  @ApiProperty() programme!: string;
  @ApiProperty() ward!: string;
  @ApiProperty({ type: [String] }) wards!: string[];
  @ApiProperty({ type: [String] }) applicationIds!: string[];
  @ApiProperty({ type: [Number], description: 'log positions of the events behind the alert' }) evidence!: number[];
  @ApiProperty({ type: [String], description: 'why the rule holds, in the request’s language' }) reasons!: string[];
  @ApiProperty({ type: [AlertReasonResponse], description: 'the same reasons as message keys and params' }) reasonKeys!: AlertReasonResponse[];
  @ApiProperty({ type: AlertDetailsResponse, nullable: true, description: 'structured evidence where the rule gives it (F20)' }) details!: AlertDetailsResponse | null;
  @ApiProperty({ enum: ALERT_STATUSES, description: 'cleared: the rule no longer holds (F15 once the money paid is recovered)' }) status!: (typeof ALERT_STATUSES)[number];
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ type: AlertResolutionResponse, nullable: true, description: 'GET /alerts/{id} only; null while open' })
  resolution?: AlertResolutionResponse | null;
}

export class AlertPageResponse {
  @ApiProperty({ type: [AlertResponse] }) items!: AlertResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
