import { Query } from '@nestjs/cqrs';
import type { ApplicationOverviewRow } from '../application-overview.entity';

export class GetApplicationOverviewQuery extends Query<ApplicationOverviewRow | null> {
  constructor(readonly applicationId: string) {
    super();
  }
}
