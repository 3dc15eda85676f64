import { useState } from 'react';
import type { Alert, AlertResolution, ApplicationView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatMoney } from '../../i18n/format';
import { caseLink } from '../../routing/route';
import { RecoveryFor } from './RecoveryFor';
import { unrecovered } from './use-alert-applications';

interface AlertApplicationsProps {
  alert: Alert;
  views: Map<string, ApplicationView> | null;
  resolution: AlertResolution | null;
  /** An inspector, on a confirmed alert of a rule about money. */
  mayRecover: boolean;
  onRecovered: () => void;
}

/** The applications behind an alert: who, what was paid, and for a confirmed one a recovery order per application. */
export const AlertApplications = ({ alert, views, resolution, mayRecover, onRecovered }: AlertApplicationsProps) => {
  const { t } = useI18n();
  const [recovering, setRecovering] = useState<string | null>(null);
  const ordered = (applicationId: string) => (resolution?.recoveryOrdered ?? []).some((order) => order.applicationId === applicationId);
  return (
    <ul className="plain">
      {alert.applicationIds.map((applicationId) => {
        const view = views?.get(applicationId);
        const owed = view ? unrecovered(view) : 0;
        return (
          <li key={applicationId}>
            <a href={caseLink(applicationId, alert.evidence)} data-testid="alert-application">{applicationId}</a>
            {view && (
              <span className="small muted">
                {' '}· {view.applicant.fullName} · {t('paidAmount')} {formatMoney(view.paidAmount)}
              </span>
            )}
            {mayRecover && owed > 0 && !ordered(applicationId) && (
              <button type="button" className="link" onClick={() => setRecovering(recovering === applicationId ? null : applicationId)} aria-expanded={recovering === applicationId}>
                {t('orderRecovery')}
              </button>
            )}
            {recovering === applicationId && <RecoveryFor applicationId={applicationId} onDone={onRecovered} />}
          </li>
        );
      })}
    </ul>
  );
};
