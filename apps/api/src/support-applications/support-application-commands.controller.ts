import { Body, Controller, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@lib/domain';
import { PerformSupportStepCommand, RecordSupportPaymentCommand, RecordSupportRecoveryCommand, SubmitSupportApplicationCommand, WithdrawSupportApplicationCommand } from '@lib/application';
import { ProgrammeRegistry } from '@lib/platform';
import { CurrentActor } from '../auth/current-actor.decorator';
import { applicationWarnings } from './application-warnings';
import { SubmitResultResponse } from './dto/application.response';
import type { HttpReply, HttpRequest } from '../http/http-exchange';
import { commandContext, withETag } from '../http/command-context';
import { CommandResultResponse } from './dto/command-result.response';
import { SubmitApplicationRequest } from './dto/submit-application.request';
import { StepRequest, VillageReviewRequest, WardApprovalRequest } from './dto/step.request';
import { PaymentRequest, RecoveryRequest, WithdrawalRequest } from './dto/payment.request';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
const STEP_NAME = /^[a-z][a-z0-9-]{0,63}$/;

@ApiTags('commands')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a repeat with the same key returns the first response' })
@ApiHeader({ name: 'If-Match', required: false, description: '"<version>": refuse with 412 if the application has moved on' })
@Controller('applications')
export class SupportApplicationCommandsController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus, private readonly programmes: ProgrammeRegistry) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Submit an application (intake-officer); warnings (already-supported, probable-same-person) never refuse' })
  @ApiCreatedResponse({ type: SubmitResultResponse })
  async submit(@Body() body: SubmitApplicationRequest, @CurrentActor() actor: Actor, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpReply) {
    const applicant = { ...body.applicant };
    const result = await this.commands.execute(
      new SubmitSupportApplicationCommand(randomUUID(), body.programme, body.category, applicant, body.claim, commandContext(request, actor), body.receivedOn),
    );
    response.header('Location', `/applications/${result.id}`);
    const warnings = await applicationWarnings(this.queries, this.programmes, { id: result.id, programme: body.programme, applicant }, actor, request);
    return { ...withETag(response, result), warnings };
  }

  @Post(':id/village-review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Village/residential-group review (village-reviewer)' })
  @ApiOkResponse({ type: CommandResultResponse })
  async villageReview(@Param('id', uuid) id: string, @Body() body: VillageReviewRequest, @CurrentActor() actor: Actor, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpReply) {
    const outcome = body.outcome === 'confirmed' ? 'completed' : 'rejected';
    return withETag(response, await this.commands.execute(
      new PerformSupportStepCommand({ applicationId: id, step: 'village-review', outcome, reason: body.reason, minutesRef: body.minutesRef }, commandContext(request, actor)),
    ));
  }

  @Post(':id/ward-approval')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ward/commune approval or rejection (ward-approver)' })
  @ApiOkResponse({ type: CommandResultResponse })
  async wardApproval(@Param('id', uuid) id: string, @Body() body: WardApprovalRequest, @CurrentActor() actor: Actor, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpReply) {
    const outcome = body.decision === 'approved' ? 'completed' : 'rejected';
    return withETag(response, await this.commands.execute(
      new PerformSupportStepCommand({ applicationId: id, step: 'ward-approval', outcome, reason: body.reason, approvedMonths: body.approvedMonths }, commandContext(request, actor)),
    ));
  }

  @Post(':id/steps/:step')
  @HttpCode(200)
  @ApiOperation({ summary: 'Any other step the programme defines (posting, appraisal, provincial decision)' })
  @ApiOkResponse({ type: CommandResultResponse })
  async step(@Param('id', uuid) id: string, @Param('step') step: string, @Body() body: StepRequest, @CurrentActor() actor: Actor, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpReply) {
    if (!STEP_NAME.test(step)) throw new NotFoundException({ key: 'not-found.step' });
    return withETag(response, await this.commands.execute(new PerformSupportStepCommand({ applicationId: id, step, ...body }, commandContext(request, actor))));
  }

  @Post(':id/payment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the payment of the approved amount (treasurer); for an employer loan, one worker-month disbursed (lender-officer)' })
  @ApiOkResponse({ type: CommandResultResponse })
  async payment(@Param('id', uuid) id: string, @Body() body: PaymentRequest, @CurrentActor() actor: Actor, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpReply) {
    return withETag(response, await this.commands.execute(new RecordSupportPaymentCommand({ applicationId: id, ...body }, commandContext(request, actor))));
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw an application before payment (intake-officer)' })
  @ApiOkResponse({ type: CommandResultResponse })
  async withdrawal(@Param('id', uuid) id: string, @Body() body: WithdrawalRequest, @CurrentActor() actor: Actor, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpReply) {
    return withETag(response, await this.commands.execute(new WithdrawSupportApplicationCommand({ applicationId: id, reason: body.reason }, commandContext(request, actor))));
  }

  @Post(':id/recovery')
  @HttpCode(200)
  @ApiOperation({ summary: 'Order or record recovery (thu hồi) of a payment (inspector)' })
  @ApiOkResponse({ type: CommandResultResponse })
  async recovery(@Param('id', uuid) id: string, @Body() body: RecoveryRequest, @CurrentActor() actor: Actor, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpReply) {
    return withETag(response, await this.commands.execute(new RecordSupportRecoveryCommand({ applicationId: id, ...body }, commandContext(request, actor))));
  }
}
