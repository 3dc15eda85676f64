import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import type { Actor } from '@lib/domain';
import { Clock, ProgrammeRegistry } from '@lib/platform';
import { CountOverdueStepsQuery, GetWardDashboardQuery } from '@lib/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { requireAggregateAccess } from '../auth/read-access';
import { todayIn } from '../http/today';
import { IsCalendarDate } from '../http/calendar-date';
import { CategoryAmountsResponse, WardDashboardResponse } from './ward-dashboard.response';
import { ReadFromReplica } from '../http/read-from-replica';

export class OverdueAsOfRequest {
  @ApiPropertyOptional({ description: 'the day deadlines are judged on (YYYY-MM-DD); today in Vietnam when absent', example: '2020-05-29' })
  @IsOptional() @IsCalendarDate({ message: 'field.date' })
  asOf?: string;
}

@ApiTags('queries')
@ApiBearerAuth()
// byCategory names it only by $ref.
@ApiExtraModels(CategoryAmountsResponse)
@ReadFromReplica()
@Controller('dashboards')
export class DashboardsController {
  constructor(private readonly queries: QueryBus, private readonly clock: Clock, private readonly programmes: ProgrammeRegistry) {}

  @Get('wards/:ward')
  @ApiOperation({ summary: 'Counts by status, amounts by category, and overdue applications per awaited step (GET /overdue-steps lists them) for one ward' })
  @ApiOkResponse({ type: WardDashboardResponse })
  async ward(@Param('ward') ward: string, @Query() query: OverdueAsOfRequest, @CurrentActor() actor: Actor) {
    requireAggregateAccess(actor, ward);
    const asOf = query.asOf ?? todayIn(this.clock, this.programmes);
    const [rows, overdueSteps] = await Promise.all([
      this.queries.execute(new GetWardDashboardQuery(ward)),
      this.queries.execute(new CountOverdueStepsQuery(ward, asOf)),
    ]);
    const byStatus: Record<string, number> = {};
    const byCategory: Record<string, { applications: number; claimedAmount: number; approvedAmount: number; paidAmount: number; recoveryOrderedAmount: number; recoveredAmount: number }> = {};
    for (const row of rows) {
      byStatus[row.status] = (byStatus[row.status] ?? 0) + row.applications;
      const sum = (byCategory[row.category] ??= { applications: 0, claimedAmount: 0, approvedAmount: 0, paidAmount: 0, recoveryOrderedAmount: 0, recoveredAmount: 0 });
      sum.applications += row.applications;
      sum.claimedAmount += row.claimedAmount;
      sum.approvedAmount += row.approvedAmount;
      sum.paidAmount += row.paidAmount;
      sum.recoveryOrderedAmount += row.recoveryOrderedAmount;
      sum.recoveredAmount += row.recoveredAmount;
    }
    return { ward, byStatus, byCategory, overdueSteps, asOf, rows };
  }
}
