import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { WardDashboardRow } from '../ward-dashboard.row';
import { GetWardDashboardQuery } from './get-ward-dashboard.query';
import { ReadSource, readsOn, type Reads } from '../../read-replica/read-source';

/**
 * Summed from the application overview on the ward's index: a ward holds thousands of
 * applications at most, so one GROUP BY is cheaper than a second table kept in step.
 */
@QueryHandler(GetWardDashboardQuery)
export class GetWardDashboardHandler implements IQueryHandler<GetWardDashboardQuery> {
  private readonly reads: Reads;

  constructor(@Inject(ReadSource) source: ReadSource | DataSource) {
    this.reads = readsOn(source);
  }

  execute({ ward }: GetWardDashboardQuery): Promise<WardDashboardRow[]> {
    return this.reads.run(async (dataSource) => {
      const rows: Record<string, string>[] = await dataSource.query(
        `SELECT ward, category, status, count(*) AS applications, sum(claimed_amount) AS claimed, sum(approved_amount) AS approved,
                sum(paid_amount) AS paid, sum(recovery_ordered_amount) AS ordered, sum(recovered_amount) AS recovered
           FROM application_overview WHERE ward = $1 GROUP BY ward, category, status ORDER BY category, status`,
        [ward],
      );
      return rows.map((row) => ({
        ward: row.ward,
        category: row.category,
        status: row.status,
        applications: Number(row.applications),
        claimedAmount: Number(row.claimed),
        approvedAmount: Number(row.approved),
        paidAmount: Number(row.paid),
        recoveryOrderedAmount: Number(row.ordered),
        recoveredAmount: Number(row.recovered),
      }));
    });
  }
}
