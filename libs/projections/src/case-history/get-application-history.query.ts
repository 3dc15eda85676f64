import { Query } from '@nestjs/cqrs';
import type { StoredEvent } from '@lib/event-store';

/** Every event of one application, straight from the log, with its hash. */
export class GetApplicationHistoryQuery extends Query<StoredEvent[]> {
  constructor(readonly applicationId: string) {
    super();
  }
}
