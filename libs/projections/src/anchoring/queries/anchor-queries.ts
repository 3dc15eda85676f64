import { Query } from '@nestjs/cqrs';
import type { StreamCommitment } from '@lib/event-store';
import type { Anchor } from '@lib/platform';
import type { PublishedKey } from '../anchor-table';

export interface AnchorPage {
  anchors: Anchor[];
  /** Pass as `after` for the next page; null when this page reached the latest anchor. */
  nextAfter: number | null;
}

/** The signed checkpoints after a position, oldest first. */
export class ListAnchorsQuery extends Query<AnchorPage> {
  constructor(readonly after: number, readonly limit: number) {
    super();
  }
}

/** One anchor with the stream commitments its streams hash covers; null when there is none at that position. */
export class GetAnchorStreamsQuery extends Query<{ anchor: Anchor; streams: StreamCommitment[] } | null> {
  constructor(readonly position: number) {
    super();
  }
}

/** The public keys the service's signers recorded (an auditor still names the keys they trust). */
export class ListAnchorKeysQuery extends Query<PublishedKey[]> {}
