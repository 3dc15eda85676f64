import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { STATUSES } from './list-applications.request';

export class ApplicationsCsvRequest {
  @ApiPropertyOptional({ description: 'required for ward officers (their own ward)' }) @IsOptional() @IsString() @Length(1, 32)
  ward?: string;

  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES)
  status?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 16)
  category?: string;
}
