import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { supportApplicationStream } from '@lib/domain';
import { EventStore, type StoredEvent } from '@lib/event-store';
import { GetApplicationHistoryQuery } from './get-application-history.query';

@QueryHandler(GetApplicationHistoryQuery)
export class GetApplicationHistoryHandler implements IQueryHandler<GetApplicationHistoryQuery> {
  constructor(private readonly store: EventStore) {}

  execute({ applicationId }: GetApplicationHistoryQuery): Promise<StoredEvent[]> {
    return this.store.readStream(supportApplicationStream(applicationId));
  }
}
