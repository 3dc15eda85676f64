import { ApiProperty } from '@nestjs/swagger';

export class OverdueStepResponse {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() programme!: string;
  @ApiProperty() category!: string;
  @ApiProperty() ward!: string;
  @ApiProperty() awaitedStep!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the day the limit counts from' }) countedFrom!: string | null;
  @ApiProperty({ type: Number, nullable: true }) timeLimitWorkingDays!: number | null;
  @ApiProperty({ type: String, nullable: true }) dueOn!: string | null;
  @ApiProperty({ type: Number, nullable: true }) workingDaysOverdue!: number | null;
  @ApiProperty({ type: String, nullable: true }) legalBasis!: string | null;
}

export class OverdueStepsPageResponse {
  @ApiProperty({ example: '2020-05-29' }) asOf!: string;
  @ApiProperty({ type: [OverdueStepResponse] }) items!: OverdueStepResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ActivityStepResponse {
  @ApiProperty() step!: string;
  @ApiProperty({ description: 'what was done at the step, e.g. completed, rejected, paid' }) action!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'VND moved by payments and recoveries; 0 for other steps' }) amount!: number;
}

export class ActivityDayResponse {
  @ApiProperty({ example: '2020-05-18' }) day!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [ActivityStepResponse] }) steps!: ActivityStepResponse[];
}

export class OfficerActivityResponse {
  @ApiProperty() officerId!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [ActivityDayResponse] }) days!: ActivityDayResponse[];
}
