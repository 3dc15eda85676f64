import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { FRAUD_RULE_IDS, FRAUD_SEVERITIES } from '@lib/domain';
import { ALERT_STATUSES } from '@lib/projections';

export class AlertFilterRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 32)
  ward?: string;

  @ApiPropertyOptional({ enum: FRAUD_RULE_IDS }) @IsOptional() @IsIn(FRAUD_RULE_IDS)
  rule?: string;

  @ApiPropertyOptional({ enum: ALERT_STATUSES }) @IsOptional() @IsIn(ALERT_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: FRAUD_SEVERITIES }) @IsOptional() @IsIn(FRAUD_SEVERITIES)
  severity?: string;
}

export class ListAlertsRequest extends AlertFilterRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

export class ResolutionRequest {
  @ApiProperty({ enum: ['confirmed', 'dismissed'] }) @IsIn(['confirmed', 'dismissed'])
  outcome!: 'confirmed' | 'dismissed';

  @ApiProperty({ description: 'the inspector’s reasons' }) @IsString() @Length(1, 4000)
  note!: string;

  @ApiPropertyOptional({ description: 'with a confirmation: order recovery (thu hồi) of what is paid and not yet ordered back, on every application the alert names', default: false })
  @IsOptional() @IsBoolean()
  orderRecovery?: boolean;

  @ApiPropertyOptional({
    type: [String],
    description: 'with orderRecovery: the applications (some of those the alert names) to order back; without it, every paid application the alert names',
  })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @IsUUID('all', { each: true })
  recoveryApplicationIds?: string[];
}
