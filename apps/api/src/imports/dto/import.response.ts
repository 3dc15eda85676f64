import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ImportReportEntryResponse {
  @ApiProperty({ description: "the spreadsheet's row number" }) row!: number;
  @ApiPropertyOptional({ description: "the header's text of the column at fault" }) column?: string;
  @ApiProperty({ example: 'validation-failed' }) code!: string;
  @ApiProperty() message!: string;
}

export class ImportResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() programme!: string;
  @ApiProperty() category!: string;
  @ApiProperty() ward!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2020-05-10' }) receivedOn!: string | null;
  @ApiProperty() fileName!: string;
  @ApiProperty() rows!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() refused!: number;
  @ApiProperty({ type: [String] }) applicationIds!: string[];
  @ApiProperty({ type: [ImportReportEntryResponse] }) report!: ImportReportEntryResponse[];
  @ApiProperty() importedBy!: string;
  @ApiProperty({ format: 'date-time' }) importedAt!: string;
}

export class ImportProgressResponse {
  @ApiProperty({ enum: ['reading', 'deciding', 'recording', 'done', 'failed'] }) phase!: string;
  @ApiProperty({ description: 'rows decided so far' }) done!: number;
  @ApiProperty({ description: 'rows to decide (0 while the file is read)' }) total!: number;
}

export class PaymentMismatchResponse {
  @ApiProperty() row!: number;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ description: 'VND due' }) expected!: number;
  @ApiProperty({ description: 'VND on the returned list' }) given!: number;
}

export class PaymentReturnResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() rows!: number;
  @ApiProperty({ description: 'rows recorded as payments (matched)' }) recorded!: number;
  @ApiProperty() refused!: number;
  @ApiProperty({ type: [ImportReportEntryResponse] }) report!: ImportReportEntryResponse[];
  @ApiProperty({ type: [PaymentMismatchResponse] }) mismatches!: PaymentMismatchResponse[];
}

export class CountAndAmountResponse {
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'VND' }) amount!: number;
}

export class ReconciliationResponse {
  @ApiProperty() ward!: string;
  @ApiProperty({ type: CountAndAmountResponse }) approved!: CountAndAmountResponse;
  @ApiProperty({ type: CountAndAmountResponse }) paid!: CountAndAmountResponse;
  @ApiProperty({ type: CountAndAmountResponse }) unpaid!: CountAndAmountResponse;
  @ApiProperty({ type: CountAndAmountResponse }) mismatched!: CountAndAmountResponse;
}
