import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { supportApplicationStream } from '@lib/domain';
import { EventStore } from '@lib/event-store';
import type { ApplicationOverviewRow } from '../application-overview/application-overview.entity';
import { evolveOverview } from '../application-overview/application-overview.evolve';
import { GetApplicationStateQuery } from './get-application-state.query';

/** Folds the log with the overview's own evolve, so past and present states have one shape. */
@QueryHandler(GetApplicationStateQuery)
export class GetApplicationStateHandler implements IQueryHandler<GetApplicationStateQuery> {
  constructor(private readonly store: EventStore) {}

  async execute({ applicationId, at }: GetApplicationStateQuery): Promise<ApplicationOverviewRow | null> {
    const events = await this.store.readStream(supportApplicationStream(applicationId), { toVersion: at.version, asOf: at.asOf });
    return events.reduce<ApplicationOverviewRow | null>(evolveOverview, null);
  }
}
