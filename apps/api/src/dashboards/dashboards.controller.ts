import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { Actor } from '@lib/domain';
import { CountOverdueStepsQuery, GetWardDashboardQuery, ListOverdueStepsQuery } from '@lib/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { requireReadAccess } from '../auth/read-access';

export class OverdueAsOfRequest {
  @ApiPropertyOptional({ description: 'the day deadlines are judged on (YYYY-MM-DD); today in Vietnam when absent', example: '2020-05-29' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;
}

export class OverdueStepsRequest extends OverdueAsOfRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 16)
  category?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200)
  cursor?: string;

  @ApiPropertyOptional({ default: 100, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}

/** Deadlines count in working days of the programme's calendar, which is Vietnam's (UTC+7). */
const todayInVietnam = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

@ApiTags('queries')
@ApiBearerAuth()
@Controller('dashboards')
export class DashboardsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('wards/:ward')
  @ApiOperation({ summary: 'Counts by status, amounts by category and overdue applications per awaited step for one ward' })
  async ward(@Param('ward') ward: string, @Query() query: OverdueAsOfRequest, @CurrentActor() actor: Actor) {
    requireReadAccess(actor, ward);
    const asOf = query.asOf ?? todayInVietnam();
    const [rows, overdueSteps] = await Promise.all([
      this.queries.execute(new GetWardDashboardQuery(ward)),
      this.queries.execute(new CountOverdueStepsQuery(ward, asOf)),
    ]);
    const byStatus: Record<string, number> = {};
    const byCategory: Record<string, { applications: number; claimedAmount: number; approvedAmount: number; paidAmount: number; recoveredAmount: number }> = {};
    for (const row of rows) {
      byStatus[row.status] = (byStatus[row.status] ?? 0) + row.applications;
      const sum = (byCategory[row.category] ??= { applications: 0, claimedAmount: 0, approvedAmount: 0, paidAmount: 0, recoveredAmount: 0 });
      sum.applications += row.applications;
      sum.claimedAmount += row.claimedAmount;
      sum.approvedAmount += row.approvedAmount;
      sum.paidAmount += row.paidAmount;
      sum.recoveredAmount += row.recoveredAmount;
    }
    return { ward, byStatus, byCategory, overdueSteps, asOf, rows };
  }

  @Get('wards/:ward/overdue-steps')
  @ApiOperation({ summary: 'Open applications of the ward past the legal time limit of the step they await, longest overdue first' })
  async overdue(@Param('ward') ward: string, @Query() query: OverdueStepsRequest, @CurrentActor() actor: Actor) {
    requireReadAccess(actor, ward);
    const asOf = query.asOf ?? todayInVietnam();
    const page = await this.queries.execute(new ListOverdueStepsQuery(asOf, { ward, category: query.category }, query.limit ?? 100, query.cursor));
    return {
      ward,
      asOf,
      items: page.items.map((row) => ({
        applicationId: row.applicationId,
        category: row.category,
        currentStep: row.currentStep,
        countedFrom: row.countedFrom,
        timeLimitWorkingDays: row.timeLimitWorkingDays,
        dueOn: row.dueOn,
        legalBasis: row.legalBasis,
        version: row.version,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
