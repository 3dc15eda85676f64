import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

export class VillageReviewRequest {
  @ApiProperty({ enum: ['confirmed', 'not-eligible'] })
  @IsIn(['confirmed', 'not-eligible'])
  outcome!: 'confirmed' | 'not-eligible';

  @ApiPropertyOptional({ description: 'required when not eligible' })
  @IsOptional() @IsString() @Length(1, 2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'the review meeting minutes (biên bản)' })
  @IsOptional() @IsString() @Length(1, 200)
  minutesRef?: string;
}

export class WardApprovalRequest {
  @ApiProperty({ enum: ['approved', 'rejected'] })
  @IsIn(['approved', 'rejected'])
  decision!: 'approved' | 'rejected';

  @ApiPropertyOptional({ description: 'required when rejected' })
  @IsOptional() @IsString() @Length(1, 2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'a subset of the claimed months; all of them when absent', example: ['2020-04'] })
  @IsOptional() @IsArray() @ArrayMaxSize(12) @Matches(/^\d{4}-\d{2}$/, { each: true, message: 'field.month-list' })
  approvedMonths?: string[];
}

export class StepRequest {
  @ApiProperty({ enum: ['completed', 'rejected'] })
  @IsIn(['completed', 'rejected'])
  outcome!: 'completed' | 'rejected';

  @ApiPropertyOptional({ description: 'required when rejected' })
  @IsOptional() @IsString() @Length(1, 2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'the posting place, an appraisal number or the provincial decision number' })
  @IsOptional() @IsString() @Length(1, 200)
  reference?: string;

  @ApiPropertyOptional({ description: 'the provincial decision number, e.g. 1234/QĐ-UBND' })
  @IsOptional() @IsString() @Length(1, 200)
  decisionNo?: string;

  @ApiPropertyOptional({ description: 'review minutes reference' })
  @IsOptional() @IsString() @Length(1, 200)
  minutesRef?: string;

  @ApiPropertyOptional({ description: 'first day of a public posting', example: '2020-05-13' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'field.date' })
  postedFrom?: string;

  @ApiPropertyOptional({ description: 'last day of a public posting', example: '2020-05-15' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'field.date' })
  postedUntil?: string;

  @ApiPropertyOptional({
    description: 'for an approval or the provincial decision: the months approved, a subset of those approved before (all of them when absent); the amount follows',
    example: ['2020-04'],
  })
  @IsOptional() @IsArray() @ArrayMaxSize(12) @Matches(/^\d{4}-\d{2}$/, { each: true, message: 'field.month-list' })
  approvedMonths?: string[];
}
