import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsPlausibleBirthDate, normalisedNumber, trimmedText } from '../../http/normalise';

export class ApplicantRequest {
  @ApiProperty({ description: 'CMND (9 digits) or CCCD (12 digits)', example: '001080012345' })
  @normalisedNumber()
  @Matches(/^(\d{9}|\d{12})$/, { message: 'citizenId must be a CMND (9 digits) or CCCD (12 digits)' })
  citizenId!: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @trimmedText()
  @IsString() @Length(1, 200, { message: 'fullName must be 1 to 200 characters, not only spaces' })
  fullName!: string;

  @ApiProperty({ example: '1980-03-02' })
  @IsPlausibleBirthDate()
  dateOfBirth!: string;

  @ApiProperty({ description: 'ward/commune code', example: 'W01' })
  @Matches(/^[A-Za-z0-9-]{1,32}$/, { message: 'ward must be a ward code of letters, digits and dashes' })
  ward!: string;

  @ApiProperty({ example: 'Khối 3, phường Hoàng Văn Thụ' })
  @trimmedText()
  @IsString() @Length(1, 500, { message: 'address must be 1 to 500 characters, not only spaces' })
  address!: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @normalisedNumber()
  @IsOptional() @Matches(/^\+?\d{8,15}$/, { message: 'phone must be 8 to 15 digits' })
  phone?: string;

  @ApiPropertyOptional({ example: '0123456789' })
  @normalisedNumber()
  @IsOptional() @IsString() @MaxLength(64)
  bankAccount?: string;
}
