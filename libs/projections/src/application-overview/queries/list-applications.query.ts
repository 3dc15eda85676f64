import { Query } from '@nestjs/cqrs';
import type { ApplicationOverviewRow } from '../application-overview.entity';

export interface ApplicationPage {
  items: ApplicationOverviewRow[];
  nextCursor: string | null;
}

export class ListApplicationsQuery extends Query<ApplicationPage> {
  constructor(
    /** reachedSteps: only applications awaiting or past one of these steps (the read scope of district and province). */
    readonly filter: { ward?: string; status?: string; category?: string; q?: string; reachedSteps?: string[] },
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
