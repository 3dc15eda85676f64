import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lib/domain';
import { ExportApplicationsCsvQuery } from '@lib/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { csvFile } from '../http/csv-file';
import { listScope } from '../auth/read-access';
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
    const scope = listScope(actor, query.ward);
    return csvFile(await this.queries.execute(new ExportApplicationsCsvQuery({ ...scope, status: query.status, category: query.category })), 'GET /applications.csv');
  }
}
