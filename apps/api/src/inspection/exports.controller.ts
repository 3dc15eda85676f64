import { Controller, ForbiddenException, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lib/domain';
import { ExportApplicationsCsvQuery, ExportFraudAlertsCsvQuery } from '@lib/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { readsAnyWard, requireRole } from '../auth/read-access';
import { AlertFilterRequest } from '../alerts/alerts.request';
import { ApplicationsCsvRequest } from './exports.request';

/**
 * CSV exports streamed from a database cursor: a province-sized export never sits in memory.
 * Cells are escaped against formula injection (libs/projections csv.ts).
 */
@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('alerts.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="alerts.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Fraud alerts as CSV, same filters as GET /alerts (inspector, auditor)' })
  async alerts(@Query() filter: AlertFilterRequest, @CurrentActor() actor: Actor) {
    requireRole(actor, ['inspector', 'auditor'], 'fraud alerts');
    return new StreamableFile(await this.queries.execute(new ExportFraudAlertsCsvQuery({ ...filter })));
  }

  @Get('applications.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="applications.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'A ward’s applications as CSV (the ward’s officers; inspectors and auditors any ward, or all)' })
  async applications(@Query() query: ApplicationsCsvRequest, @CurrentActor() actor: Actor) {
    if (!readsAnyWard(actor)) {
      requireRole(actor, ['intake-officer', 'village-reviewer', 'ward-approver', 'treasurer'], 'exporting applications');
      if (query.ward !== actor.ward) throw new ForbiddenException(`officers of ward ${actor.ward ?? '(none)'} export only their own ward`);
    }
    return new StreamableFile(await this.queries.execute(new ExportApplicationsCsvQuery({ ward: query.ward, status: query.status, category: query.category })));
  }
}
