import { Module } from '@nestjs/common';
import { GetApplicationOverviewHandler } from './application-overview/queries/get-application-overview.query-handler';
import { ListApplicationsHandler } from './application-overview/queries/list-applications.query-handler';
import { GetApplicationHistoryHandler } from './case-history/get-application-history.query-handler';
import { GetApplicationStateHandler } from './case-history/get-application-state.query-handler';
import { GetWardDashboardHandler } from './ward-dashboard/queries/get-ward-dashboard.query-handler';
import { GetBeneficiaryHandler } from './beneficiary-index/queries/get-beneficiary.query-handler';
import { GetOfficerActivityHandler } from './officer-activity/queries/get-officer-activity.query-handler';
import { CountOverdueStepsHandler, ListOverdueStepsHandler } from './overdue-steps/queries/list-overdue-steps.query-handler';
import { ExportFraudAlertsCsvHandler, GetFraudAlertHandler, ListFraudAlertsHandler } from './fraud-alerts/queries/list-fraud-alerts.query-handler';
import { ExportApplicationsCsvHandler } from './application-overview/queries/export-applications-csv.query-handler';
import { ReadSource } from './read-replica/read-source';
import { FindRelatedApplicationsHandler } from './applicant-index/queries/find-related-applications.query-handler';
import { FindAwaitingApplicationsHandler, GetListApplicationsHandler, GetSupportListHandler } from './support-lists/queries/support-list-queries.handler';
import { GetPaymentReturnHandler, GetSupportImportHandler } from './support-lists/queries/get-support-import';
import { FindApplicationsOfPersonHandler, GetReconciliationHandler } from './support-lists/queries/payment-queries';
import { GetAnchorStreamsHandler, ListAnchorKeysHandler, ListAnchorsHandler } from './anchoring/queries/anchor-queries.handler';

/** Inspectors' read models: people across wards, officers' days, deadlines, fraud alerts. */
const inspectionHandlers = [GetBeneficiaryHandler, GetOfficerActivityHandler, ListOverdueStepsHandler, CountOverdueStepsHandler, ListFraudAlertsHandler, GetFraudAlertHandler, ExportFraudAlertsCsvHandler, ExportApplicationsCsvHandler];

/** The log's signed checkpoints, for auditors. */
const anchorHandlers = [ListAnchorsHandler, GetAnchorStreamsHandler, ListAnchorKeysHandler];

/** Query handlers over the read models and the log. Needs a TypeORM DataSource and the EventStore; READ_DATABASE_URL, when set, a replica for the routes that allow it. */
@Module({
  providers: [ReadSource, GetApplicationOverviewHandler, ListApplicationsHandler, FindRelatedApplicationsHandler, GetApplicationHistoryHandler, GetApplicationStateHandler, GetWardDashboardHandler, ...inspectionHandlers, ...anchorHandlers, GetSupportListHandler, FindAwaitingApplicationsHandler, GetListApplicationsHandler, GetSupportImportHandler, GetPaymentReturnHandler, FindApplicationsOfPersonHandler, GetReconciliationHandler],
})
export class ReadSideModule {}
