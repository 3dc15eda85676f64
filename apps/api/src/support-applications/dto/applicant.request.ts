import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsPlausibleBirthDate, normalisedNumber, trimmedText } from '../../http/normalise';

/**
 * Numbers typed from paper or pasted from spreadsheets: full-width digits (NFKC) and the spaces,
 * dots and dashes between groups do not change the number, so one person is not two.
 */
const compactNumber = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFKC').replace(/[\s.\-]/g, '') : value);

export class ApplicantRequest {
  @ApiProperty({ description: 'CMND (9 digits) or CCCD (12 digits)', example: '001080012345' })
  @Transform(compactNumber)
  @Matches(/^(\d{9}|\d{12})$/, { message: 'field.citizen-id' })
  citizenId!: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @trimmedText()
  @IsString() @Length(1, 200)
  fullName!: string;

  @ApiProperty({ example: '1980-03-02' })
  @IsPlausibleBirthDate({ message: 'field.birth-date' })
  dateOfBirth!: string;

  @ApiProperty({ description: 'ward/commune code', example: 'W01' })
  @Matches(/^[A-Za-z0-9-]{1,32}$/, { message: 'field.ward' })
  ward!: string;

  @ApiProperty({ example: 'Khối 3, phường Hoàng Văn Thụ' })
  @trimmedText()
  @IsString() @Length(1, 500)
  address!: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @Transform(compactNumber)
  @IsOptional() @Matches(/^\+?\d{8,15}$/, { message: 'field.phone' })
  phone?: string;

  @ApiPropertyOptional({ example: '0123456789' })
  @normalisedNumber()
  @IsOptional() @IsString() @MaxLength(64)
  bankAccount?: string;
}
