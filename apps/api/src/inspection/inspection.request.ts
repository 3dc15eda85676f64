import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsCalendarDate } from '../http/calendar-date';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class OverdueStepsRequest {
  @ApiPropertyOptional({ description: 'YYYY-MM-DD; default today (Vietnam time)' }) @IsOptional() @IsCalendarDate({ message: 'field.date' })
  asOf?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 32)
  ward?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 16)
  category?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64)
  step?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

export class ActivityRequest {
  @ApiPropertyOptional({ description: 'YYYY-MM-DD' }) @IsCalendarDate({ message: 'field.date' })
  from!: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD, at most 366 days after from' }) @IsCalendarDate({ message: 'field.date' })
  to!: string;
}

export class AsOfRequest {
  @ApiPropertyOptional({ description: 'YYYY-MM-DD; default today (Vietnam time)' }) @IsOptional() @IsCalendarDate({ message: 'field.date' })
  asOf?: string;
}
