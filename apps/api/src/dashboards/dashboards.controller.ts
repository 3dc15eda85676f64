import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lib/domain';
import { GetWardDashboardQuery } from '@lib/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { requireReadAccess } from '../auth/read-access';

@ApiTags('queries')
@ApiBearerAuth()
@Controller('dashboards')
export class DashboardsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('wards/:ward')
  @ApiOperation({ summary: 'Counts by status and amounts by category for one ward' })
  async ward(@Param('ward') ward: string, @CurrentActor() actor: Actor) {
    requireReadAccess(actor, ward);
    const rows = await this.queries.execute(new GetWardDashboardQuery(ward));
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
    return { ward, byStatus, byCategory, rows };
  }
}
