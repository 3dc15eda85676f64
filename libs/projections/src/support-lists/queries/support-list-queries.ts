import { Query } from '@nestjs/cqrs';
import type { ActiveSupportList } from '@lib/domain';
import type { StoredEvent } from '@lib/event-store';
import type { ApplicationOverviewRow } from '../../application-overview/application-overview.entity';

/** One list as its stream has it, with the totals of its applications as the read model has them. */
export interface SupportListView {
  list: ActiveSupportList;
  version: number;
  totals: { applications: number; amount: number };
  history: StoredEvent[];
}

export class GetSupportListQuery extends Query<SupportListView | null> {
  constructor(readonly listId: string) {
    super();
  }
}

/** The applications of a ward and category awaiting a step: what a list is compiled from by default. */
export class FindAwaitingApplicationsQuery extends Query<string[]> {
  constructor(readonly programmeId: string, readonly category: string, readonly ward: string, readonly step: string) {
    super();
  }
}

/** The rows a list's documents print: its applications as the read model has them, in the list's order. */
export class GetListApplicationsQuery extends Query<ApplicationOverviewRow[]> {
  constructor(readonly applicationIds: string[]) {
    super();
  }
}
