import { BadRequestException, Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lib/domain';
import { ResolveFraudAlertCommand } from '@lib/application';
import { GetFraudAlertQuery, ListFraudAlertsQuery } from '@lib/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { HttpReply, HttpRequest } from '../http/http-exchange';
import { requireRole } from '../auth/read-access';
import { commandContext } from '../http/command-context';
import { CommandResultResponse } from '../support-applications/dto/command-result.response';
import { alertView } from './alert-view';
import { AlertPageResponse, AlertResponse } from './alert.response';
import { ListAlertsRequest, ResolutionRequest } from './alerts.request';
import { ReadFromReplica } from '../http/read-from-replica';
import { RequestLanguage } from '../http/request-language';
import type { Lang } from '../problem/messages/language';
import { AlertWording } from './alert-wording';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('fraud alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly queries: QueryBus, private readonly commands: CommandBus, private readonly wording: AlertWording) {}

  @Get()
  @ReadFromReplica()
  @ApiOperation({ summary: 'Fraud alerts, newest first, a page at a time (inspector, auditor)' })
  @ApiOkResponse({ type: AlertPageResponse })
  async list(@Query() query: ListAlertsRequest, @CurrentActor() actor: Actor, @RequestLanguage() lang: Lang) {
    requireRole(actor, ['inspector', 'auditor'], 'fraud alerts');
    const { cursor, limit, ...filter } = query;
    const page = await this.queries.execute(new ListFraudAlertsQuery(filter, limit ?? 50, cursor));
    return { items: page.items.map((row) => alertView(row, { wording: this.wording, lang })), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ReadFromReplica()
  @ApiOperation({ summary: 'One alert with its resolution (inspector, auditor)' })
  @ApiOkResponse({ type: AlertResponse })
  async get(@Param('id', uuid) id: string, @CurrentActor() actor: Actor, @RequestLanguage() lang: Lang) {
    requireRole(actor, ['inspector', 'auditor'], 'fraud alerts');
    const detail = await this.queries.execute(new GetFraudAlertQuery(id));
    if (!detail) throw new NotFoundException({ key: 'not-found.alert' });
    return alertView(detail.alert, { wording: this.wording, lang }, detail.resolution);
  }

  @Post(':id/resolution')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm or dismiss an alert with a note; a confirmation may order recovery (inspector)' })
  @ApiOkResponse({ type: CommandResultResponse })
  async resolve(@Param('id', uuid) id: string, @Body() body: ResolutionRequest, @CurrentActor() actor: Actor, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpReply) {
    requireRole(actor, ['inspector'], 'resolving a fraud alert');
    if (body.outcome === 'dismissed' && body.orderRecovery) {
      throw new BadRequestException({ errors: [{ field: 'orderRecovery', message: 'alert.recovery-only-confirmed' }] });
    }
    if (body.recoveryApplicationIds && !body.orderRecovery) {
      throw new BadRequestException({ errors: [{ field: 'recoveryApplicationIds', message: 'alert.recovery-ids-need-order' }] });
    }
    const detail = await this.queries.execute(new GetFraudAlertQuery(id));
    if (!detail) throw new NotFoundException({ key: 'not-found.alert' });
    const { alert } = detail;
    const strangers = (body.recoveryApplicationIds ?? []).filter((applicationId) => !alert.applicationIds.includes(applicationId));
    if (strangers.length) {
      throw new BadRequestException({ errors: strangers.map((applicationId) => ({ field: 'recoveryApplicationIds', message: 'alert.recovery-not-named', params: { applicationId } })) });
    }
    const result = await this.commands.execute(
      new ResolveFraudAlertCommand(
        { id: alert.id, rule: alert.rule, applicationIds: alert.applicationIds }, body.outcome, body.note, body.orderRecovery ?? false, commandContext(request, actor), body.recoveryApplicationIds,
      ),
    );
    response.header('ETag', `"${result.version}"`);
    return result;
  }
}
