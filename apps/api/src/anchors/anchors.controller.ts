import { BadRequestException, Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lib/domain';
import { anchorFields } from '@lib/platform';
import { GetAnchorStreamsQuery, ListAnchorKeysQuery, ListAnchorsQuery } from '@lib/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { requireRole } from '../auth/read-access';
import { ListAnchorsRequest, POSITION } from './anchors.request';
import { AnchorKeysResponse, AnchorPageResponse, AnchorWithStreamsResponse } from './anchors.response';

const AUDIT = ['auditor', 'inspector'] as const;

/**
 * The log's signed checkpoints (docs/ANCHORS.md), for auditors to keep outside the database and
 * check with `cli verify --anchors`. Served from the anchors table: the signatures, not the
 * database, are what make them trustworthy.
 */
@ApiTags('anchors')
@ApiBearerAuth()
@Controller('anchors')
export class AnchorsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Signed checkpoints of the log, oldest first, after a position (auditor, inspector)' })
  @ApiOkResponse({ type: AnchorPageResponse })
  async list(@Query() query: ListAnchorsRequest, @CurrentActor() actor: Actor) {
    requireRole(actor, AUDIT, 'the log\'s anchors');
    const page = await this.queries.execute(new ListAnchorsQuery(Number(query.after ?? 0), query.limit ?? 100));
    return { anchors: page.anchors.map(anchorFields), nextAfter: page.nextAfter };
  }

  @Get('keys')
  @ApiOperation({ summary: 'The public keys the service signed anchors with; verify with the ones you trust (auditor, inspector)' })
  @ApiOkResponse({ type: AnchorKeysResponse })
  async keys(@CurrentActor() actor: Actor) {
    requireRole(actor, AUDIT, 'the log\'s anchors');
    const keys = await this.queries.execute(new ListAnchorKeysQuery());
    return { keys: keys.map((key) => ({ keyId: key.keyId, algorithm: 'Ed25519', publicKey: key.publicKey, firstUsedAt: key.firstUsedAt })) };
  }

  @Get(':position/streams')
  @ApiOperation({ summary: 'One anchor with the stream commitments its signature covers, as ANCHOR_DIR\'s file holds it (auditor, inspector)' })
  @ApiOkResponse({ type: AnchorWithStreamsResponse })
  async streams(@Param('position') position: string, @CurrentActor() actor: Actor) {
    requireRole(actor, AUDIT, 'the log\'s anchors');
    if (!POSITION.test(position)) {
      throw new BadRequestException({ errors: [{ field: 'position', message: 'field.position' }] });
    }
    const found = await this.queries.execute(new GetAnchorStreamsQuery(Number(position)));
    if (!found) throw new NotFoundException({ key: 'not-found.anchor', params: { position } });
    return { ...anchorFields(found.anchor), streams: found.streams };
  }
}
