import { ActivityPage } from '../pages/activity/ActivityPage';
import { AlertsPage } from '../pages/alerts/AlertsPage';
import { BeneficiaryPage } from '../pages/beneficiaries/BeneficiaryPage';
import { CasePage } from '../pages/case/CasePage';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { ImportsPage } from '../pages/imports/ImportsPage';
import { IntakePage } from '../pages/intake/IntakePage';
import { ListsPage } from '../pages/lists/ListsPage';
import { PaymentsBackPage } from '../pages/payments/PaymentsBackPage';
import { ReconciliationPage } from '../pages/reconciliation/ReconciliationPage';
import { WorklistPage } from '../pages/worklist/WorklistPage';
import type { Route } from '../routing/route';
import type { Session } from '../session/session';

/** The page a route names; anything else is the case page (#/applications/<id>). */
export const Page = ({ page, route, session }: { page: string; route: Route; session: Session }) => {
  switch (page) {
    case 'worklist':
      return <WorklistPage session={session} />;
    case 'intake':
      return <IntakePage session={session} />;
    case 'imports':
      return <ImportsPage session={session} />;
    case 'lists':
      return <ListsPage id={route.path[1] ?? null} session={session} />;
    case 'payments-back':
      return <PaymentsBackPage session={session} />;
    case 'reconciliation':
      return <ReconciliationPage session={session} />;
    case 'alerts':
      return <AlertsPage session={session} />;
    case 'beneficiaries':
      return <BeneficiaryPage />;
    case 'dashboard':
      return <DashboardPage session={session} />;
    case 'activity':
      return <ActivityPage officerId={route.path[1] ?? null} from={route.params.get('from')} to={route.params.get('to')} />;
    default:
      return (
        <CasePage
          id={route.path[1] ?? null}
          highlight={(route.params.get('highlight') ?? '').split(',').filter(Boolean).map(Number)}
          session={session}
        />
      );
  }
};
