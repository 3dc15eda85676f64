import { BadRequestException, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lib/domain';
import {
  GetApplicationHistoryQuery,
  GetApplicationOverviewQuery,
  GetApplicationStateQuery,
  ListApplicationsQuery,
} from '@lib/projections';
import { ProgrammeRegistry } from '@lib/platform';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { HttpReply, HttpRequest } from '../http/http-exchange';
import { applicationWarnings } from './application-warnings';
import { listScope, requireReadAccess, requireRole } from '../auth/read-access';
import { applicationView, historyView, summaryView } from './application-view';
import { ApplicationPageResponse, ApplicationResponse, StateAtResponse } from './dto/application.response';
import { HistoryResponse } from './dto/history.response';
import { ListApplicationsRequest, StateAtRequest } from './dto/list-applications.request';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('queries')
@ApiBearerAuth()
@Controller('applications')
export class SupportApplicationQueriesController {
  constructor(private readonly queries: QueryBus, private readonly programmes: ProgrammeRegistry) {}

  private async overview(id: string, actor: Actor) {
    const row = await this.queries.execute(new GetApplicationOverviewQuery(id));
    if (!row) throw new NotFoundException({ key: 'application.not-found' });
    requireReadAccess(actor, row);
    return row;
  }

  @Get()
  @ApiOperation({ summary: 'A page of application summaries; officers see their own ward; q finds people by ID, phone or name without diacritics' })
  @ApiOkResponse({ type: ApplicationPageResponse })
  async list(@Query() query: ListApplicationsRequest, @CurrentActor() actor: Actor) {
    const scope = listScope(actor, query.ward);
    const page = await this.queries.execute(new ListApplicationsQuery({ ...scope, status: query.status, category: query.category, q: query.q }, query.limit ?? 50, query.cursor));
    return { items: page.items.map(summaryView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'The current state of one application' })
  @ApiOkResponse({ type: ApplicationResponse })
  async get(@Param('id', uuid) id: string, @CurrentActor() actor: Actor, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpReply) {
    const row = await this.overview(id, actor);
    response.header('ETag', `"${row.version}"`);
    const warnings = await applicationWarnings(this.queries, this.programmes, { id, programme: row.programmeId, programmeVersion: row.programmeVersion, applicant: row.applicant }, actor, request);
    return { ...applicationView(row), warnings };
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every event of the application, with actor, version and hash' })
  @ApiOkResponse({ type: HistoryResponse })
  async history(@Param('id', uuid) id: string, @CurrentActor() actor: Actor) {
    const events = await this.queries.execute(new GetApplicationHistoryQuery(id));
    if (events.length === 0) throw new NotFoundException({ key: 'application.not-found' });
    // Where the application stands decides the district's and province's scope; not yet projected,
    // the events just read are folded (not read again); folded to nothing, only its ward is known.
    const row = await this.queries.execute(new GetApplicationOverviewQuery(id, events));
    requireReadAccess(actor, row ?? (events[0].data as { applicant: { ward: string } }).applicant.ward);
    return { id, events: events.map(historyView) };
  }

  @Get(':id/state')
  @ApiOperation({ summary: 'The state as it was at a version or an instant (auditor, inspector)' })
  @ApiOkResponse({ type: StateAtResponse })
  async state(@Param('id', uuid) id: string, @Query() at: StateAtRequest, @CurrentActor() actor: Actor) {
    requireRole(actor, ['auditor', 'inspector'], 'time travel');
    if ((at.asOf === undefined) === (at.version === undefined)) {
      throw new BadRequestException({ errors: [{ field: 'asOf', message: 'query.as-of-or-version' }] });
    }
    if (at.asOf !== undefined && Number.isNaN(Date.parse(at.asOf))) {
      throw new BadRequestException({ errors: [{ field: 'asOf', message: 'field.instant' }] });
    }
    const asOf = at.asOf === undefined ? undefined : new Date(at.asOf).toISOString();
    const row = await this.queries.execute(new GetApplicationStateQuery(id, { version: at.version, asOf }));
    if (!row) throw new NotFoundException(asOf ? { key: 'not-found.not-yet', params: { asOf } } : { key: 'application.not-found' });
    return { asOf: asOf ?? null, atVersion: row.version, state: applicationView(row) };
  }
}
