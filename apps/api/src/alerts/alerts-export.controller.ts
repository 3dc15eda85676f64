import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lib/domain';
import { ExportFraudAlertsCsvQuery } from '@lib/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { csvFile } from '../http/csv-file';
import { requireRole } from '../auth/read-access';
import { RequestLanguage } from '../http/request-language';
import type { Lang } from '../problem/messages/language';
import { AlertWording } from './alert-wording';
import { AlertFilterRequest } from './alerts.request';

/** Streamed from a database cursor: a province's alerts never sit in memory; cells escaped against formula injection. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class AlertsExportController {
  constructor(private readonly queries: QueryBus, private readonly wording: AlertWording) {}

  @Get('alerts.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="alerts.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Fraud alerts as CSV, same filters as GET /alerts (inspector, auditor); titles, legal bases and reasons in the request’s language' })
  async alerts(@Query() filter: AlertFilterRequest, @CurrentActor() actor: Actor, @RequestLanguage() lang: Lang) {
    requireRole(actor, ['inspector', 'auditor'], 'fraud alerts');
    return csvFile(await this.queries.execute(new ExportFraudAlertsCsvQuery({ ...filter }, this.wording.forCsv(lang))), 'GET /alerts.csv');
  }
}
