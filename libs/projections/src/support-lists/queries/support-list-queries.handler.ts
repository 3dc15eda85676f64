import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource, In } from 'typeorm';
import { evolveSupportList, initialSupportList, supportApplicationStream, supportListStream, type SupportList, type SupportListEvent } from '@lib/domain';
import { EventStore } from '@lib/event-store';
import { ApplicationOverviewRow } from '../../application-overview/application-overview.entity';
import { evolveOverview } from '../../application-overview/application-overview.evolve';
import { FindAwaitingApplicationsQuery, GetListApplicationsQuery, GetSupportListQuery, type SupportListView } from './support-list-queries';

/**
 * A list is small and read rarely: its own stream is folded on each read (so a list is never
 * missing right after it was written), and its amount is summed from the applications' rows:
 * the approved amount once approved, the claimed amount before.
 */
@QueryHandler(GetSupportListQuery)
export class GetSupportListHandler implements IQueryHandler<GetSupportListQuery> {
  constructor(private readonly dataSource: DataSource, private readonly store: EventStore) {}

  async execute({ listId }: GetSupportListQuery): Promise<SupportListView | null> {
    const history = await this.store.readStream(supportListStream(listId));
    const list = history.reduce<SupportList>((state, event) => evolveSupportList(state, event as unknown as SupportListEvent), initialSupportList());
    if (list.status === 'none') return null;
    const [sum] = await this.dataSource.query(
      `SELECT coalesce(sum(CASE WHEN approved_amount > 0 THEN approved_amount ELSE claimed_amount END), 0)::text AS amount
         FROM application_overview WHERE application_id = ANY($1::uuid[])`,
      [list.applicationIds],
    );
    return { list, version: history.length, totals: { applications: list.applicationIds.length, amount: Number(sum.amount) }, history };
  }
}

@QueryHandler(FindAwaitingApplicationsQuery)
export class FindAwaitingApplicationsHandler implements IQueryHandler<FindAwaitingApplicationsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ programmeId, category, ward, step }: FindAwaitingApplicationsQuery): Promise<string[]> {
    const rows: { application_id: string }[] = await this.dataSource.query(
      `SELECT application_id FROM application_overview
        WHERE ward = $1 AND category = $2 AND programme_id = $3 AND current_step = $4
        ORDER BY submitted_at, application_id`,
      [ward, category, programmeId, step],
    );
    return rows.map((row) => row.application_id);
  }
}

/**
 * Read from the read model; an application the projector has not reached yet is folded from
 * the log by the same evolve, so a document printed right after an act is never missing a row.
 */
@QueryHandler(GetListApplicationsQuery)
export class GetListApplicationsHandler implements IQueryHandler<GetListApplicationsQuery> {
  constructor(private readonly dataSource: DataSource, private readonly store: EventStore) {}

  async execute({ applicationIds }: GetListApplicationsQuery): Promise<ApplicationOverviewRow[]> {
    const rows = await this.dataSource.getRepository(ApplicationOverviewRow).findBy({ applicationId: In(applicationIds) });
    const byId = new Map(rows.map((row) => [row.applicationId, row]));
    const result: ApplicationOverviewRow[] = [];
    for (const applicationId of applicationIds) {
      const row = byId.get(applicationId) ?? (await this.store.readStream(supportApplicationStream(applicationId))).reduce<ApplicationOverviewRow | null>(evolveOverview, null);
      if (row) result.push(row);
    }
    return result;
  }
}
