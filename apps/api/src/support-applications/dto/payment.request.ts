import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsPositive, IsString, Length, Matches, Max } from 'class-validator';

export class PaymentRequest {
  @ApiProperty({ description: 'VND; must equal the approved amount still owed', example: 2000000 })
  @IsInt() @IsPositive() @Max(1_000_000_000)
  amount!: number;

  @ApiProperty({ enum: ['cash', 'bank', 'post-office'] })
  @IsIn(['cash', 'bank', 'post-office'])
  method!: 'cash' | 'bank' | 'post-office';

  @ApiProperty({ description: 'receipt or transfer reference', example: 'PC-0001' })
  @IsString() @Length(1, 200)
  reference!: string;

  @ApiPropertyOptional({ description: 'who signed for the money when not the applicant (nhận thay): citizen ID or name on the receipt' })
  @IsOptional() @IsString() @Length(1, 200)
  payee?: string;

  @ApiPropertyOptional({ description: 'employer loans (category 8): the citizen ID of the worker this month is disbursed to; required there, refused elsewhere' })
  @IsOptional() @IsString() @Length(1, 20)
  worker?: string;

  @ApiPropertyOptional({ description: 'employer loans (category 8): the month (YYYY-MM) of the worker’s wages disbursed; each worker-month once', example: '2020-05' })
  @IsOptional() @IsString() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'field.month' })
  month?: string;
}

export class WithdrawalRequest {
  @ApiProperty()
  @IsString() @Length(1, 2000)
  reason!: string;
}

export class RecoveryRequest {
  @ApiProperty({ enum: ['ordered', 'recovered'] })
  @IsIn(['ordered', 'recovered'])
  action!: 'ordered' | 'recovered';

  @ApiProperty({ description: 'VND', example: 1000000 })
  @IsInt() @IsPositive() @Max(1_000_000_000)
  amount!: number;

  @ApiProperty()
  @IsString() @Length(1, 2000)
  reason!: string;
}
