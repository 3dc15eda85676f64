import { Module } from '@nestjs/common';
import { GetApplicationOverviewHandler } from './application-overview/queries/get-application-overview.query-handler';
import { ListApplicationsHandler } from './application-overview/queries/list-applications.query-handler';
import { GetApplicationHistoryHandler } from './case-history/get-application-history.query-handler';
import { GetApplicationStateHandler } from './case-history/get-application-state.query-handler';
import { GetWardDashboardHandler } from './ward-dashboard/queries/get-ward-dashboard.query-handler';

/** Query handlers over the read models and the log. Needs a TypeORM DataSource and the EventStore. */
@Module({
  providers: [GetApplicationOverviewHandler, ListApplicationsHandler, GetApplicationHistoryHandler, GetApplicationStateHandler, GetWardDashboardHandler],
})
export class ReadSideModule {}
