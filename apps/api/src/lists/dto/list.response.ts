import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const ANY_OBJECT = { type: 'object', additionalProperties: true } as const;

export class ListCommandResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'open' }) status!: string;
  @ApiProperty() version!: number;
}

export class ListActResponse extends ListCommandResponse {
  @ApiProperty({ description: 'applications that took the step' }) applied!: number;
  @ApiProperty({ description: 'applications excluded, each rejected with its reason' }) excluded!: number;
}

export class DecisionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'applications the decision carried' }) applied!: number;
}

export class ListTotalsResponse {
  @ApiProperty() applications!: number;
  @ApiProperty({ description: 'VND: approved amounts, or claimed amounts before approval' }) amount!: number;
}

export class ListExclusionResponse {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() reason!: string;
}

export class ListHistoryEventResponse {
  @ApiProperty() position!: number;
  @ApiProperty() version!: number;
  @ApiProperty() type!: string;
  @ApiProperty(ANY_OBJECT) data!: Record<string, unknown>;
  @ApiProperty(ANY_OBJECT) metadata!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty() hash!: string;
}

export class ListResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() programme!: string;
  @ApiProperty() category!: string;
  @ApiProperty() ward!: string;
  @ApiProperty() step!: string;
  @ApiProperty({ enum: ['open', 'completed'] }) status!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [String] }) applicationIds!: string[];
  @ApiProperty({ type: [ListExclusionResponse] }) excluded!: ListExclusionResponse[];
  @ApiPropertyOptional({ type: String, nullable: true }) decisionNo!: string | null;
  @ApiProperty({ type: ListTotalsResponse }) totals!: ListTotalsResponse;
  @ApiProperty({ type: [ListHistoryEventResponse] }) history!: ListHistoryEventResponse[];
}

export class ListApplicationResponse {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() citizenId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ description: 'VND: the approved amount once approved, the claimed amount before (as the totals)' }) amount!: number;
}

export class ListApplicationsResponse {
  @ApiProperty({ type: [ListApplicationResponse] }) items!: ListApplicationResponse[];
}
