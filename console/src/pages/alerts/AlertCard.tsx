import { useState } from 'react';
import type { Alert } from '../../api/types';
import { Badge } from '../../components/Badge';
import { formatMoney, formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';
import { caseLink } from '../../routing/route';
import { hasRole, type Session } from '../../session/session';
import { RecoveryFor } from './RecoveryFor';
import { ResolveAlertForm } from './ResolveAlertForm';
import { useAlertResolution } from './use-alert-resolution';

/** One alert: rule, legal basis, the applications and events behind it, its resolution. */
export const AlertCard = ({ alert, session }: { alert: Alert; session: Session }) => {
  const { t, code } = useI18n();
  const terms = useProgrammeTerms();
  const [resolved, setResolved] = useState<string | null>(null);
  const [recovering, setRecovering] = useState<string | null>(null);
  const inspector = hasRole(session, 'inspector');
  const status = resolved ?? alert.status;
  const resolution = useAlertResolution(alert, status);
  const ordered = (applicationId: string) => (resolution?.recoveryOrdered ?? []).some((order) => order.applicationId === applicationId);
  return (
    <article className={`card alert alert-${alert.severity}`} data-testid="alert" data-id={alert.id} data-rule={alert.rule}>
      <header className="alert-head">
        <b>{alert.rule}</b> <span>{terms.rule(alert.rule)}</span>
        <Badge kind={`severity-${alert.severity}`}>{code('severities', alert.severity)}</Badge>
        <Badge kind={`alert-${status}`}>
          <span data-testid="alert-status">{code('alertStatuses', status)}</span>
        </Badge>
      </header>
      <dl className="facts">
        <dt>{t('legalBasis')}</dt>
        <dd data-testid="legal-basis">{alert.legalBasis}</dd>
        <dt>{t('ward')}</dt>
        <dd>{(alert.wards.length > 0 ? alert.wards : [alert.ward]).join(', ')}</dd>
        <dt>{t('raisedAt')}</dt>
        <dd>{formatTime(alert.raisedAt)}</dd>
        {alert.reasons.length > 0 && (
          <>
            <dt>{t('details')}</dt>
            <dd>
              <ul className="plain">{alert.reasons.map((reason, index) => <li key={index}>{reason}</li>)}</ul>
            </dd>
          </>
        )}
        <dt>{t('applications')}</dt>
        <dd>
          <ul className="plain">
            {alert.applicationIds.map((applicationId) => (
              <li key={applicationId}>
                <a href={caseLink(applicationId, alert.evidence)} data-testid="alert-application">{applicationId}</a>
                {inspector && status === 'confirmed' && !ordered(applicationId) && (
                  <button type="button" className="link" onClick={() => setRecovering(recovering === applicationId ? null : applicationId)}>
                    {t('orderRecovery')}
                  </button>
                )}
                {recovering === applicationId && <RecoveryFor applicationId={applicationId} />}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('events')}</dt>
        <dd className="events">
          {alert.evidence.map((position) =>
            alert.applicationIds.length === 1 ? (
              <a key={position} href={caseLink(alert.applicationIds[0], [position])} className="chip">#{position}</a>
            ) : (
              <span key={position} className="chip">#{position}</span>
            ),
          )}
        </dd>
        {resolution && (
          <>
            <dt>{t('note')}</dt>
            <dd data-testid="resolution">
              {code('resolutions', resolution.outcome)}: {resolution.note}{' '}
              <span className="muted">
                ({resolution.resolvedBy}, {formatTime(resolution.resolvedAt)})
              </span>
              {resolution.recoveryOrdered.map((order) => (
                <div key={order.applicationId} className="small">
                  {t('orderRecovery')}: <a href={caseLink(order.applicationId)}>{order.applicationId.slice(0, 8)}…</a> {formatMoney(order.amount)}
                </div>
              ))}
            </dd>
          </>
        )}
      </dl>
      {inspector && status === 'open' && <ResolveAlertForm alert={alert} onResolved={setResolved} />}
    </article>
  );
};
