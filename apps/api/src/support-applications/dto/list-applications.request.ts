import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsInstant } from '../../http/calendar-date';

export const STATUSES = ['submitted', 'in-progress', 'approved', 'paid', 'rejected', 'withdrawn', 'recovery-ordered', 'recovered'];

export class ListApplicationsRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 32)
  ward?: string;

  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES)
  status?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 16)
  category?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

export class StateAtRequest {
  @ApiPropertyOptional({ description: 'ISO-8601 instant' }) @IsOptional() @IsString() @IsInstant()
  asOf?: string;

  /** A stream version is a PostgreSQL integer. */
  @ApiPropertyOptional({ maximum: 2_147_483_647 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(2_147_483_647)
  version?: number;
}
