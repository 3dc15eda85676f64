import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { download, get, newIdempotencyKey, post, query, toProblem, waitForVersion, type ApplicationView, type Problem } from '../api';
import { Badge, Field, Loading, ProblemBox, caseLink } from '../components';
import { formatMoney, formatTime, useI18n, type MessageKey } from '../i18n';
import { hasRole, type Session } from '../session';
import { RecoveryPanel } from './CasePage';

/** GET /alerts (API.md): `{ id, rule, legalBasis, severity, ward, applicationIds, evidence, status, raisedAt }`. */
export interface Alert {
  id: string;
  rule: string;
  title?: string;
  legalBasis: string;
  severity: string;
  ward: string;
  wards?: string[];
  applicationIds: string[];
  evidence: (number | string)[];
  reasons?: string[];
  status: string;
  raisedAt: string;
  updatedAt?: string;
  resolution?: { outcome: string; note: string; resolvedBy?: string; resolvedAt?: string; recoveryOrdered?: { applicationId: string; amount: number }[] } | null;
}

const RULES = Array.from({ length: 19 }, (_, index) => `F${index + 1}`);

/** One paid application behind an alert, with the inspector's recovery order. */
const RecoveryFor = ({ applicationId }: { applicationId: string }) => {
  const [view, setView] = useState<ApplicationView | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const load = useCallback(() => {
    get<ApplicationView>(`/applications/${applicationId}`).then(setView, (error) => setProblem(toProblem(error)));
  }, [applicationId]);
  useEffect(load, [load]);
  if (problem) return <ProblemBox problem={problem} />;
  if (!view) return <Loading />;
  return (
    <RecoveryPanel
      view={view}
      onDone={(result) => {
        waitForVersion(result.id, result.version).then(load, (error) => setProblem(toProblem(error)));
      }}
    />
  );
};

const AlertCard = ({ alert, session, onResolved }: { alert: Alert; session: Session; onResolved: () => void }) => {
  const { t, term } = useI18n();
  const [note, setNote] = useState('');
  const [orderRecovery, setOrderRecovery] = useState(false);
  const [resolution, setResolution] = useState(alert.resolution ?? null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [resolved, setResolved] = useState<string | null>(null);
  const [recovering, setRecovering] = useState<string | null>(null);
  const [key] = useState(newIdempotencyKey);
  const inspector = hasRole(session, 'inspector');
  const evidence = alert.evidence.map(Number);

  const resolve = async (outcome: 'confirmed' | 'dismissed', event?: FormEvent) => {
    event?.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      const body = outcome === 'confirmed' && orderRecovery ? { outcome, note, orderRecovery: true } : { outcome, note };
      await post(`/alerts/${encodeURIComponent(alert.id)}/resolution`, body, { idempotencyKey: `${key}-${outcome}` });
      setResolved(outcome);
      onResolved();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const status = resolved ?? alert.status;
  // A resolved alert's note and recovery orders (GET /alerts/{id}); just after resolving, the
  // read model may take a moment to show it.
  useEffect(() => {
    if (status === 'open') return;
    let live = true;
    void (async () => {
      for (let attempt = 0; attempt < 20 && live; attempt += 1) {
        const detail = await get<Alert>(`/alerts/${encodeURIComponent(alert.id)}`).catch(() => null);
        if (detail?.resolution) {
          if (live) setResolution(detail.resolution);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    return () => {
      live = false;
    };
  }, [alert.id, status]);
  return (
    <article className={`card alert alert-${alert.severity}`} data-testid="alert" data-id={alert.id} data-rule={alert.rule}>
      <header className="alert-head">
        <b>{alert.rule}</b> {alert.title && <span>{alert.title}</span>}
        <Badge kind={`severity-${alert.severity}`}>{t(alert.severity as MessageKey) ?? alert.severity}</Badge>
        <Badge kind={`alert-${status}`}>
          <span data-testid="alert-status">{t(`${status}_` as MessageKey) ?? status}</span>
        </Badge>
      </header>
      <dl className="facts">
        <dt>{t('legalBasis')}</dt>
        <dd data-testid="legal-basis">{alert.legalBasis}</dd>
        <dt>{t('ward')}</dt>
        <dd>{(alert.wards && alert.wards.length > 0 ? alert.wards : [alert.ward]).join(', ')}</dd>
        <dt>{t('raisedAt')}</dt>
        <dd>{formatTime(alert.raisedAt)}</dd>
        {alert.reasons && alert.reasons.length > 0 && (
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
                <a href={caseLink(applicationId, evidence)} data-testid="alert-application">{applicationId}</a>
                {inspector && status === 'confirmed' && !(resolution?.recoveryOrdered ?? []).some((order) => order.applicationId === applicationId) && (
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
          {evidence.map((position) =>
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
              {term(resolution.outcome)}: {resolution.note}{' '}
              {resolution.resolvedBy && (
                <span className="muted">
                  ({resolution.resolvedBy}, {formatTime(resolution.resolvedAt)})
                </span>
              )}
              {(resolution.recoveryOrdered ?? []).map((order) => (
                <div key={order.applicationId} className="small">
                  {t('orderRecovery')}: <a href={caseLink(order.applicationId)}>{order.applicationId.slice(0, 8)}…</a> {formatMoney(order.amount)}
                </div>
              ))}
            </dd>
          </>
        )}
      </dl>
      {inspector && status === 'open' && (
        <form onSubmit={(event) => void resolve('confirmed', event)} className="resolve">
          <Field label={t('note')} name="note" errors={problem?.errors} required>
            <textarea name="note" rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
          </Field>
          <label className="inline block">
            <input type="checkbox" name="orderRecovery" checked={orderRecovery} onChange={(event) => setOrderRecovery(event.target.checked)} /> {t('orderRecoveryWithConfirm')}
          </label>
          <ProblemBox problem={problem} unmatched={(problem?.errors ?? []).filter((error) => error.field !== 'note')} />
          <button type="submit" disabled={busy} data-testid="confirm-alert">{t('confirmAlert')}</button>{' '}
          <button type="button" disabled={busy} onClick={() => void resolve('dismissed')} data-testid="dismiss-alert">
            {t('dismissAlert')}
          </button>
        </form>
      )}
      {inspector && status !== 'open' && problem && <ProblemBox problem={problem} />}
    </article>
  );
};

/** Inspectors' alerts board: filters, legal basis, the applications and events behind each alert, resolution. */
export const Alerts = ({ session }: { session: Session }) => {
  const { t } = useI18n();
  const [filters, setFilters] = useState({ ward: '', rule: '', severity: '', status: 'open' });
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = useCallback(
    async (cursor?: string) => {
      setProblem(null);
      try {
        const answer = await get<{ items: Alert[]; nextCursor: string | null }>(`/alerts${query({ ...filters, limit: 50, cursor })}`);
        setAlerts((current) => [...(cursor ? (current ?? []) : []), ...answer.items]);
        setNextCursor(answer.nextCursor);
      } catch (error) {
        if (!cursor) setAlerts([]);
        setProblem(toProblem(error));
      }
    },
    [filters],
  );

  useEffect(() => {
    setAlerts(null);
    void load();
  }, [load]);

  const set = (name: keyof typeof filters) => (event: { target: { value: string } }) => setFilters((current) => ({ ...current, [name]: event.target.value }));

  return (
    <div>
      <h2>{t('alertsTitle')}</h2>
      <div className="toolbar" data-testid="alert-filters">
        <label>
          {t('ward')} <input name="ward" value={filters.ward} onChange={set('ward')} size={6} />
        </label>
        <label>
          {t('rule')}{' '}
          <select name="rule" value={filters.rule} onChange={set('rule')}>
            <option value="">{t('all')}</option>
            {RULES.map((rule) => <option key={rule} value={rule}>{rule}</option>)}
          </select>
        </label>
        <label>
          {t('severity')}{' '}
          <select name="severity" value={filters.severity} onChange={set('severity')}>
            <option value="">{t('all')}</option>
            {(['high', 'medium', 'low'] as const).map((severity) => <option key={severity} value={severity}>{t(severity)}</option>)}
          </select>
        </label>
        <label>
          {t('status')}{' '}
          <select name="status" value={filters.status} onChange={set('status')}>
            <option value="">{t('all')}</option>
            {(['open', 'confirmed', 'dismissed'] as const).map((status) => <option key={status} value={status}>{t(`${status}_` as MessageKey)}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => void load()}>{t('refresh')}</button>{' '}
        <button type="button" data-testid="alerts-csv" onClick={() => download(`/alerts.csv${query(filters)}`, 'alerts.csv').catch((error) => setProblem(toProblem(error)))}>
          {t('downloadCsv')}
        </button>
      </div>
      {problem?.status === 404 && <p className="muted">{t('alertsUnavailable')}</p>}
      <ProblemBox problem={problem} />
      {alerts === null ? <Loading /> : alerts.length === 0 ? <p className="muted">{t('noAlerts')}</p> : alerts.map((alert) => <AlertCard key={alert.id} alert={alert} session={session} onResolved={() => undefined} />)}
      {nextCursor && (
        <button type="button" onClick={() => void load(nextCursor)}>
          {t('more')}
        </button>
      )}
    </div>
  );
};
