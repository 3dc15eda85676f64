import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { StreamCommitment } from '@lib/event-store';
import type { Anchor } from '@lib/platform';
import { DataSource } from 'typeorm';
import { anchorAt, anchorKeys, anchorStreams, anchorsAfter, queryableOf, type PublishedKey } from '../anchor-table';
import { GetAnchorStreamsQuery, ListAnchorKeysQuery, ListAnchorsQuery, type AnchorPage } from './anchor-queries';

@QueryHandler(ListAnchorsQuery)
export class ListAnchorsHandler implements IQueryHandler<ListAnchorsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ after, limit }: ListAnchorsQuery): Promise<AnchorPage> {
    // One more than asked: whether another page follows.
    const anchors = await anchorsAfter(queryableOf(this.dataSource), after, limit + 1);
    const page = anchors.slice(0, limit);
    return { anchors: page, nextAfter: anchors.length > limit ? page[page.length - 1].position : null };
  }
}

@QueryHandler(GetAnchorStreamsQuery)
export class GetAnchorStreamsHandler implements IQueryHandler<GetAnchorStreamsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ position }: GetAnchorStreamsQuery): Promise<{ anchor: Anchor; streams: StreamCommitment[] } | null> {
    const db = queryableOf(this.dataSource);
    const anchor = await anchorAt(db, position);
    return anchor ? { anchor, streams: await anchorStreams(db, position) } : null;
  }
}

@QueryHandler(ListAnchorKeysQuery)
export class ListAnchorKeysHandler implements IQueryHandler<ListAnchorKeysQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute(): Promise<PublishedKey[]> {
    return anchorKeys(queryableOf(this.dataSource));
  }
}
