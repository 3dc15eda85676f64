import { ApiProperty } from '@nestjs/swagger';

export class CategoryAmountsResponse {
  @ApiProperty() applications!: number;
  @ApiProperty() claimedAmount!: number;
  @ApiProperty() approvedAmount!: number;
  @ApiProperty() paidAmount!: number;
  @ApiProperty({ description: 'ordered back (thu hồi), recovered or not' }) recoveryOrderedAmount!: number;
  @ApiProperty() recoveredAmount!: number;
}

const COUNTS = { type: 'object', additionalProperties: { type: 'number' } } as const;

export class WardDashboardResponse {
  @ApiProperty() ward!: string;
  @ApiProperty({ ...COUNTS, description: 'applications by status' }) byStatus!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/CategoryAmountsResponse' }, description: 'by category code' })
  byCategory!: Record<string, CategoryAmountsResponse>;
  @ApiProperty({ ...COUNTS, description: 'overdue applications by awaited step, as of asOf' }) overdueSteps!: Record<string, number>;
  @ApiProperty({ example: '2020-05-29' }) asOf!: string;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'the read model’s rows behind the sums' })
  rows!: Record<string, unknown>[];
}
