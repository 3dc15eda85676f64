import { BadRequestException, Controller, ForbiddenException, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isDate, workingDaysBetween, type Actor } from '@lib/domain';
import { Clock, ProgrammeRegistry } from '@lib/platform';
import { GetOfficerActivityQuery, ListOverdueStepsQuery } from '@lib/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { todayIn } from '../http/today';
import { readsAnyWard, requireRole } from '../auth/read-access';
import { ActivityRequest, OverdueStepsRequest } from './inspection.request';
import { OfficerActivityResponse, OverdueStepsPageResponse } from './inspection.response';
import { ReadFromReplica } from '../http/read-from-replica';

const invalid = (field: string, key: string, params?: Record<string, number>) => new BadRequestException({ errors: [{ field, message: key, params }] });


@ApiTags('queries')
@ApiBearerAuth()
@ReadFromReplica()
@Controller()
export class InspectionController {
  constructor(private readonly queries: QueryBus, private readonly clock: Clock, private readonly programmes: ProgrammeRegistry) {}

  @Get('overdue-steps')
  @ApiOperation({ summary: 'Open applications past the legal time limit of the step they await, as of a date (working days, holidays excluded)' })
  @ApiOkResponse({ type: OverdueStepsPageResponse })
  async overdue(@Query() query: OverdueStepsRequest, @CurrentActor() actor: Actor) {
    const ward = query.ward ?? (readsAnyWard(actor) ? undefined : (actor.ward ?? undefined));
    if (!readsAnyWard(actor) && ward !== actor.ward) throw new ForbiddenException({ key: 'read.own-ward-only', params: { actorWard: actor.ward ?? '—' } });
    if (query.asOf !== undefined && !isDate(query.asOf)) throw invalid('asOf', 'field.date');
    const asOf = query.asOf ?? todayIn(this.clock, this.programmes);
    const page = await this.queries.execute(new ListOverdueStepsQuery(asOf, { ward, category: query.category, step: query.step }, query.limit ?? 50, query.cursor));
    return {
      asOf,
      items: page.items.map((row) => {
        const calendar = this.programmes.catalog(row.programmeId, row.programmeVersion)?.calendar;
        return {
          applicationId: row.applicationId,
          programme: row.programmeId,
          category: row.category,
          ward: row.ward,
          awaitedStep: row.currentStep,
          countedFrom: row.countedFrom,
          timeLimitWorkingDays: row.timeLimitWorkingDays,
          dueOn: row.dueOn,
          workingDaysOverdue: calendar && row.dueOn ? workingDaysBetween(row.dueOn, asOf, calendar) : null,
          legalBasis: row.legalBasis,
        };
      }),
      nextCursor: page.nextCursor,
    };
  }

  @Get('officers/:officerId/activity')
  @ApiOperation({ summary: 'Steps one officer performed per day between two dates (inspector, auditor)' })
  @ApiOkResponse({ type: OfficerActivityResponse })
  async activity(@Param('officerId') officerId: string, @Query() query: ActivityRequest, @CurrentActor() actor: Actor) {
    requireRole(actor, ['inspector', 'auditor'], 'officer activity');
    if (officerId.length > 200) throw invalid('officerId', 'field.length-max', { max: 200 });
    if (!isDate(query.from) || !isDate(query.to) || query.from > query.to) throw invalid('from', 'inspection.period');
    if (Date.parse(query.to) - Date.parse(query.from) > 366 * 86_400_000) throw invalid('to', 'inspection.period-too-long', { days: 366 });
    const rows = await this.queries.execute(new GetOfficerActivityQuery(officerId, query.from, query.to));
    const days = new Map<string, { day: string; total: number; steps: { step: string; action: string; count: number; amount: number }[] }>();
    for (const row of rows) {
      const day = days.get(row.day) ?? { day: row.day, total: 0, steps: [] };
      day.total += row.count;
      day.steps.push({ step: row.step, action: row.action, count: row.count, amount: row.amount });
      days.set(row.day, day);
    }
    return { officerId, from: query.from, to: query.to, days: [...days.values()] };
  }
}
