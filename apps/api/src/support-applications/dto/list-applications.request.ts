import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsInstant } from '../../http/calendar-date';

export const STATUSES = ['submitted', 'in-progress', 'approved', 'paid', 'rejected', 'withdrawn', 'recovery-ordered', 'recovered', 'superseded'];

export class ListApplicationsRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 32)
  ward?: string;

  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES)
  status?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 16)
  category?: string;

  @ApiPropertyOptional({ description: 'a citizen ID, a phone, or a name without regard to diacritics, case or spacing', example: 'nguyen van nam' })
  @IsOptional() @IsString() @Length(1, 100) @Matches(/[\p{L}\p{N}]/u, { message: 'field.search-text' })
  q?: string;

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
