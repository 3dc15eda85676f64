import { Query } from '@nestjs/cqrs';
import type { ApplicationOverviewRow } from '../application-overview.entity';

export interface ApplicationPage {
  items: ApplicationOverviewRow[];
  nextCursor: string | null;
}

export class ListApplicationsQuery extends Query<ApplicationPage> {
  constructor(
    readonly filter: { ward?: string; status?: string; category?: string; q?: string },
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
