import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { supportApplicationStream } from '@lib/domain';
import { EventStore } from '@lib/event-store';
import { preparedRowByKey } from '../../database/prepared-query';
import { ApplicationOverviewRow } from '../application-overview.entity';
import { evolveOverview } from '../application-overview.evolve';
import { GetApplicationOverviewQuery } from './get-application-overview.query';

/**
 * The read model answers; when the projector has not yet seen a just-written application,
 * the same pure evolve folds it from the log, so a client never gets 404 for its own write.
 */
@QueryHandler(GetApplicationOverviewQuery)
export class GetApplicationOverviewHandler implements IQueryHandler<GetApplicationOverviewQuery> {
  constructor(private readonly dataSource: DataSource, private readonly store: EventStore) {}

  async execute({ applicationId, events: read }: GetApplicationOverviewQuery): Promise<ApplicationOverviewRow | null> {
    const row = await preparedRowByKey(this.dataSource, ApplicationOverviewRow, applicationId);
    if (row) return row;
    const events = read ?? (await this.store.readStream(supportApplicationStream(applicationId)));
    return events.reduce<ApplicationOverviewRow | null>(evolveOverview, null);
  }
}
