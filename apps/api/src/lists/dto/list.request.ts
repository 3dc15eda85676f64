import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';

/** The most applications one list may carry: one act is one append, and the law's lists are per ward. */
export const MAX_LIST_SIZE = 10_000;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class CompileListRequest {
  @ApiProperty({ example: 'nq42-2020' }) @IsString() @Matches(NAME) programme!: string;
  @ApiProperty({ example: '4' }) @IsString() @Matches(NAME) category!: string;
  @ApiProperty({ example: 'W01' }) @IsString() @Matches(NAME) ward!: string;
  @ApiProperty({ example: 'ward-approval', description: 'the step the list is for' }) @IsString() @Matches(/^[a-z][a-z0-9-]{0,63}$/) step!: string;

  @ApiPropertyOptional({ type: [String], description: 'without it: every application of that ward and category awaiting the step' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_LIST_SIZE) @IsUUID('4', { each: true })
  applicationIds?: string[];
}

export class ExclusionRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4') applicationId!: string;
  @ApiProperty({ description: 'why the office leaves it off: it is rejected with this reason' }) @IsString() @Length(1, 2000) reason!: string;
}

export class ListStepRequest {
  @ApiProperty({ enum: ['completed'] }) @IsIn(['completed']) outcome!: 'completed';

  @ApiPropertyOptional({ description: 'the posting place, the minutes or appraisal number' })
  @IsOptional() @IsString() @Length(1, 200)
  reference?: string;

  @ApiPropertyOptional({ description: 'the decision number, e.g. 1052/QĐ-UBND' })
  @IsOptional() @IsString() @Length(1, 200)
  decisionNo?: string;

  @ApiPropertyOptional({ example: ['2020-04'], description: 'at an approval: the months approved for every application on the list' })
  @IsOptional() @IsArray() @ArrayMaxSize(12) @Matches(/^\d{4}-\d{2}$/, { each: true, message: 'field.month-list' })
  approvedMonths?: string[];

  @ApiPropertyOptional({ example: '2020-05-13', description: 'at a public posting: its first day' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'field.date' })
  postedFrom?: string;

  @ApiPropertyOptional({ example: '2020-05-15', description: 'at a public posting: its last day' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'field.date' })
  postedUntil?: string;

  @ApiPropertyOptional({ type: [ExclusionRequest] })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_LIST_SIZE) @ValidateNested({ each: true }) @Type(() => ExclusionRequest)
  exclusions?: ExclusionRequest[];
}

export class DecisionRequest {
  @ApiProperty({ example: 'nq42-2020' }) @IsString() @Matches(NAME) programme!: string;
  @ApiProperty({ example: '1052/QĐ-UBND' }) @IsString() @Length(1, 200) decisionNo!: string;
  @ApiProperty({ example: '2020-06-01' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'field.date' }) decidedOn!: string;

  @ApiProperty({ type: [String] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @IsUUID('4', { each: true })
  listIds!: string[];
}
