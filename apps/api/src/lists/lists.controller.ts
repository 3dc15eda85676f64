import { Body, Controller, ForbiddenException, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@lib/domain';
import { CompileSupportListCommand, PerformListStepCommand } from '@lib/application';
import { FindAwaitingApplicationsQuery, GetListApplicationsQuery, GetSupportListQuery, type SupportListView } from '@lib/projections';
import { ProgrammeRegistry } from '@lib/platform';
import { listDocument } from './documents/list-document';
import { listPdf } from './documents/list-pdf';
import { listXlsx } from './documents/list-xlsx';
import { CurrentActor } from '../auth/current-actor.decorator';
import { requireReadAccess } from '../auth/read-access';
import { commandContext, withETag } from '../http/command-context';
import type { HttpReply, HttpRequest } from '../http/http-exchange';
import { CompileListRequest, ListStepRequest, MAX_LIST_SIZE } from './dto/list.request';
import { ListActResponse, ListApplicationsResponse, ListCommandResponse, ListResponse } from './dto/list.response';
import { BadRequestException } from '@nestjs/common';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
const STEP_NAME = /^[a-z][a-z0-9-]{0,63}$/;
const LIST_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})(?:\.(xlsx|pdf))?$/i;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const listView = ({ list, version, totals, history }: SupportListView) => ({
  id: list.listId,
  programme: list.programmeId,
  category: list.category,
  ward: list.ward,
  step: list.step,
  status: list.status,
  version,
  applicationIds: list.applicationIds,
  excluded: list.excluded,
  decisionNo: list.decisionNo,
  totals,
  history: history.map((event) => ({
    position: event.position,
    version: event.streamVersion,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
    hash: event.hash,
  })),
});

@ApiTags('lists')
@ApiBearerAuth()
@Controller('lists')
export class ListsController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus, private readonly programmes: ProgrammeRegistry) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: "Compile a ward's list for one step (the step's role)" })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: ListCommandResponse })
  @ApiConflictResponse({ description: 'list-step-refused: some named applications cannot be on this list (errors names each)' })
  async compile(@Body() body: CompileListRequest, @CurrentActor() actor: Actor, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpReply) {
    const context = commandContext(request, actor);
    const applicationIds = body.applicationIds ?? (await this.queries.execute(new FindAwaitingApplicationsQuery(body.programme, body.category, body.ward, body.step)));
    if (applicationIds.length > MAX_LIST_SIZE) {
      throw new BadRequestException({
        key: 'list.too-many',
        params: { count: applicationIds.length, max: MAX_LIST_SIZE },
        errors: [{ field: 'applicationIds', message: 'field.array-max', params: { max: MAX_LIST_SIZE } }],
      });
    }
    const listId = randomUUID();
    const result = await this.commands.execute(
      new CompileSupportListCommand({ listId, programmeId: body.programme, category: body.category, ward: body.ward, step: body.step, applicationIds }, context),
    );
    response.header('Location', `/lists/${result.id}`);
    return withETag(response, result);
  }

  private async view(id: string, actor: Actor): Promise<SupportListView> {
    const view = await this.queries.execute(new GetSupportListQuery(id));
    if (!view) throw new NotFoundException({ key: 'list.not-found', params: { list: id } });
    // Every application on a list awaits the list's step: the read scope of district and province follows it.
    const steps = this.programmes.catalog(view.list.programmeId)?.categories.find((category) => category.code === view.list.category)?.steps.map((step) => step.name) ?? [];
    requireReadAccess(actor, { ward: view.list.ward, steps, nextStep: steps.indexOf(view.list.step) });
    return view;
  }

  private async document(view: SupportListView, kind: 'list' | 'payment') {
    const rows = await this.queries.execute(new GetListApplicationsQuery(view.list.applicationIds));
    return listDocument(view.list, rows, this.programmes.catalog(view.list.programmeId), kind);
  }

  private async send(reply: HttpReply, view: SupportListView, kind: 'list' | 'payment', format: string) {
    const document = await this.document(view, kind);
    const body = format === 'pdf' ? await listPdf(document) : await listXlsx(document);
    reply
      .header('Content-Type', format === 'pdf' ? 'application/pdf' : XLSX)
      .header('Content-Disposition', `attachment; filename="${document.fileName}.${format}"`)
      .send(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One list: its applications, totals and history; {id}.xlsx and {id}.pdf give the list as officers sign it' })
  @ApiOkResponse({ type: ListResponse })
  @ApiProduces('application/json', XLSX, 'application/pdf')
  async get(@Param('id') file: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) response: HttpReply) {
    const match = LIST_FILE.exec(file);
    if (!match) throw new NotFoundException({ key: 'not-found.list' });
    const view = await this.view(match[1].toLowerCase(), actor);
    if (match[2]) return this.send(response, view, 'list', match[2]);
    response.header('ETag', `"${view.version}"`);
    return listView(view);
  }

  @Get(':id/applications')
  @ApiOperation({ summary: "The list's applications, one row each (name, ID number, status, amount), for reviewing it before it is acted on" })
  @ApiOkResponse({ type: ListApplicationsResponse })
  async applications(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<ListApplicationsResponse> {
    const view = await this.view(id, actor);
    const rows = await this.queries.execute(new GetListApplicationsQuery(view.list.applicationIds));
    return {
      items: rows.map((row) => ({
        applicationId: row.applicationId,
        fullName: row.applicant.fullName,
        citizenId: row.applicant.citizenId,
        status: row.status,
        amount: row.approvedAmount > 0 ? row.approvedAmount : row.claimedAmount,
      })),
    };
  }

  @Get(':id/payment-list.:format')
  @ApiOperation({ summary: 'The payment list (danh sách chi trả) with a signature column, as xlsx or pdf (treasurer, auditor, inspector)' })
  @ApiProduces(XLSX, 'application/pdf')
  async paymentList(@Param('id', uuid) id: string, @Param('format') format: string, @CurrentActor() actor: Actor, @Res() reply: HttpReply) {
    if (!['auditor', 'inspector', 'treasurer'].some((role) => actor.roles.includes(role as never))) throw new ForbiddenException({ key: 'read.roles', params: { roles: ['treasurer', 'auditor', 'inspector'] } });
    if (format !== 'xlsx' && format !== 'pdf') throw new NotFoundException({ key: 'not-found.list-format' });
    const view = await this.view(id, actor);
    return this.send(reply, view, 'payment', format);
  }

  @Post(':id/steps/:step')
  @HttpCode(200)
  @ApiOperation({ summary: 'Perform the step for every application on the list, in one atomic append (the step’s role)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiHeader({ name: 'If-Match', required: false, description: "the list's version" })
  @ApiOkResponse({ type: ListActResponse })
  @ApiConflictResponse({ description: 'list-step-refused: nothing written; errors names each application and why' })
  async act(@Param('id', uuid) id: string, @Param('step') step: string, @Body() body: ListStepRequest, @CurrentActor() actor: Actor, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpReply) {
    if (!STEP_NAME.test(step)) throw new NotFoundException({ key: 'not-found.step' });
    const { outcome: _completed, ...rest } = body;
    const result = await this.commands.execute(new PerformListStepCommand(id, { step, ...rest }, commandContext(request, actor)));
    response.header('ETag', `"${result.version}"`);
    return result;
  }
}
