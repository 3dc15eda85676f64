import { Controller, Get, NotFoundException, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ProgrammeDefinition } from '@lib/domain';
import { ProgrammeRegistry } from '@lib/platform';

const view = (programme: ProgrammeDefinition) => ({
  id: programme.id,
  version: programme.version,
  title: programme.title,
  currency: programme.currency,
  legalBasis: programme.legalBasis,
  combination: programme.combination,
  calendar: programme.calendar,
  categories: programme.categories.map((category) => ({
    code: category.code,
    title: category.title,
    rate: category.rate,
    unit: category.unit,
    maxMonths: category.maxMonths,
    window: category.window,
    payment: category.payment,
    claimFields: category.claimFields,
    conditions: category.conditions,
    steps: category.steps.map(({ name, kind, role, timeLimitWorkingDays, countFrom, minWorkingDays, legalBasis }) => ({
      name, kind, role, timeLimitWorkingDays, countFrom, minWorkingDays, legalBasis,
    })),
  })),
});

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammeRegistry) {}

  @Get()
  @ApiOperation({ summary: 'The newest version of every programme' })
  list() {
    return { items: this.programmes.latest().map(view) };
  }

  @Get(':id')
  @ApiQuery({ name: 'version', required: false })
  @ApiOperation({ summary: 'One programme definition; the newest version unless one is named' })
  get(@Param('id') id: string, @Query('version', new ParseIntPipe({ optional: true })) version?: number) {
    const programme = this.programmes.catalog(id, version);
    if (!programme) throw new NotFoundException(`no programme ${id}${version ? ` version ${version}` : ''}`);
    return view(programme);
  }
}
