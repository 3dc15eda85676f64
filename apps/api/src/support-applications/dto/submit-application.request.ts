import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsNotEmptyObject, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { ApplicantRequest } from './applicant.request';

export class SubmitApplicationRequest {
  @ApiProperty({ example: 'nq42-2020' })
  @IsString() @Length(1, 64)
  programme!: string;

  @ApiProperty({ description: 'category code of the programme', example: '4' })
  @IsString() @Length(1, 16)
  category!: string;

  @ApiProperty({ type: ApplicantRequest })
  @IsDefined() @ValidateNested() @Type(() => ApplicantRequest)
  applicant!: ApplicantRequest;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'months affected plus the category\'s own fields (GET /programmes/{id} lists them)',
    example: { months: ['2020-04', '2020-05'], occupation: 'street-vendor', jobLostOn: '2020-04-01', monthlyIncome: 500000 },
  })
  @IsObject() @IsNotEmptyObject()
  claim!: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'the day the ward received the dossier (default today; never in the future; within the programme\'s filing period). Claim dates may not be after it; legal time limits count from it.',
    example: '2020-05-18',
  })
  @IsOptional() @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'field.date' })
  receivedOn?: string;
}
