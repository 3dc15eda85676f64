import { Query } from '@nestjs/cqrs';
import type { ApplicationOverviewRow } from '../application-overview/application-overview.entity';

/** Time travel: the application as it stood at a stream version or an instant. */
export class GetApplicationStateQuery extends Query<ApplicationOverviewRow | null> {
  constructor(readonly applicationId: string, readonly at: { version?: number; asOf?: string }) {
    super();
  }
}
