import { Controller, Get, NotFoundException, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ProgrammeRegistry } from '@lib/platform';
import { programmeView } from './programme-view';
import { ProgrammeListResponse, ProgrammeResponse } from './programme.response';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammeRegistry) {}

  @Get()
  @ApiOperation({ summary: 'The newest version of every programme' })
  @ApiOkResponse({ type: ProgrammeListResponse })
  list() {
    return { items: this.programmes.latest().map(programmeView) };
  }

  @Get(':id')
  @ApiQuery({ name: 'version', required: false })
  @ApiOperation({ summary: 'One programme definition; the newest version unless one is named' })
  @ApiOkResponse({ type: ProgrammeResponse })
  get(@Param('id') id: string, @Query('version', new ParseIntPipe({ optional: true })) version?: number) {
    const programme = this.programmes.catalog(id, version);
    if (!programme) throw new NotFoundException({ key: 'not-found.programme', params: { programme: version ? `${id} v${version}` : id } });
    return programmeView(programme);
  }
}
