import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PaymentResponse {
  @ApiProperty() amount!: number;
  @ApiProperty() method!: string;
  @ApiProperty() reference!: string;
  @ApiPropertyOptional() payee?: string;
  @ApiProperty({ format: 'date-time' }) paidAt!: string;
  @ApiProperty({ description: 'log position of the payment event' }) position!: number;
}

export class BeneficiaryApplicationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() programme!: string;
  @ApiProperty() programmeVersion!: number;
  @ApiProperty() category!: string;
  @ApiProperty() ward!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: [String] }) claimedMonths!: string[];
  @ApiProperty({ type: [String], nullable: true }) approvedMonths!: string[] | null;
  @ApiProperty() approvedAmount!: number;
  @ApiProperty() paidAmount!: number;
  @ApiProperty() recoveryOrderedAmount!: number;
  @ApiProperty() recoveredAmount!: number;
  @ApiProperty({ type: [PaymentResponse] }) payments!: PaymentResponse[];
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class BeneficiaryResponse {
  @ApiProperty() citizenId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true }) dateOfBirth!: string | null;
  @ApiProperty({ type: [String] }) wards!: string[];
  @ApiProperty({ type: [String] }) categories!: string[];
  @ApiProperty({ type: [String] }) programmes!: string[];
  @ApiProperty() approvedAmount!: number;
  @ApiProperty() paidAmount!: number;
  @ApiProperty() recoveryOrderedAmount!: number;
  @ApiProperty() recoveredAmount!: number;
  @ApiProperty({ type: [BeneficiaryApplicationResponse] }) applications!: BeneficiaryApplicationResponse[];
}
