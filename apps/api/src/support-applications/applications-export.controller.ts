import { Controller, ForbiddenException, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lib/domain';
import { ExportApplicationsCsvQuery } from '@lib/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { csvFile } from '../http/csv-file';
import { readsAnyWard, requireRole } from '../auth/read-access';
import { ApplicationsCsvRequest } from './dto/export-applications.request';

/** Streamed from a database cursor: a province-sized export never sits in memory; cells escaped against formula injection. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class ApplicationsExportController {
  constructor(private readonly queries: QueryBus) {}

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
    return csvFile(await this.queries.execute(new ExportApplicationsCsvQuery({ ward: query.ward, status: query.status, category: query.category })), 'GET /applications.csv');
  }
}
