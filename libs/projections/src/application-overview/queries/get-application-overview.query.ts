import { Query } from '@nestjs/cqrs';
import type { StoredEvent } from '@lib/event-store';
import type { ApplicationOverviewRow } from '../application-overview.entity';

export class GetApplicationOverviewQuery extends Query<ApplicationOverviewRow | null> {
  /**
   * `events`: the application's stream as the caller has just read it (its history), folded
   * when the projector has not reached the application yet instead of being read a second time.
   */
  constructor(readonly applicationId: string, readonly events?: readonly StoredEvent[]) {
    super();
  }
}
