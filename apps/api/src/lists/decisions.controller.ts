import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lib/domain';
import { RecordProvincialDecisionCommand } from '@lib/application';
import { CurrentActor } from '../auth/current-actor.decorator';
import { commandContext } from '../http/command-context';
import type { HttpReply, HttpRequest } from '../http/http-exchange';
import { DecisionRequest } from './dto/list.request';
import { DecisionResponse } from './dto/list.response';

@ApiTags('lists')
@ApiBearerAuth()
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: "One provincial decision over many wards' lists, in one atomic append (province-approver)" })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: DecisionResponse })
  @ApiConflictResponse({ description: 'list-step-refused (errors names each list or application), or the decision number is already recorded' })
  async decide(@Body() body: DecisionRequest, @CurrentActor() actor: Actor, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpReply) {
    const result = await this.commands.execute(
      new RecordProvincialDecisionCommand({ programmeId: body.programme, decisionNo: body.decisionNo, decidedOn: body.decidedOn, listIds: body.listIds }, commandContext(request, actor)),
    );
    response.header('ETag', `"${result.version}"`);
    return { id: result.id, applied: result.applied };
  }
}
