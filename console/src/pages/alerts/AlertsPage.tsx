import { useCallback, useEffect, useState } from 'react';
import { get, query } from '../../api/client';
import { download } from '../../api/download';
import { toProblem, type Problem } from '../../api/problem';
import type { Alert, AlertPage } from '../../api/types';
import { Loading } from '../../components/Loading';
import { ProblemBox } from '../../components/ProblemBox';
import { useI18n } from '../../i18n/i18n';
import type { Session } from '../../session/session';
import { AlertCard } from './AlertCard';
import { AlertFilters, type AlertFilterValues } from './AlertFilters';

/** Inspectors' alerts board: filters, legal basis, the applications and events behind each alert, resolution. */
export const AlertsPage = ({ session }: { session: Session }) => {
  const { t } = useI18n();
  const [filters, setFilters] = useState<AlertFilterValues>({ ward: '', rule: '', severity: '', status: 'open' });
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = useCallback(
    async (cursor?: string) => {
      setProblem(null);
      try {
        const answer = await get<AlertPage>(`/alerts${query({ ...filters, limit: 50, cursor })}`);
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

  const csv = () => download(`/alerts.csv${query({ ...filters })}`, 'alerts.csv').catch((error) => setProblem(toProblem(error)));

  return (
    <div>
      <h2>{t('alertsTitle')}</h2>
      <AlertFilters filters={filters} onChange={setFilters} onRefresh={() => void load()} onCsv={() => void csv()} />
      {problem?.status === 404 && <p className="muted">{t('alertsUnavailable')}</p>}
      <ProblemBox problem={problem} />
      {alerts === null ? <Loading /> : alerts.length === 0 ? <p className="muted">{t('noAlerts')}</p> : alerts.map((alert) => <AlertCard key={alert.id} alert={alert} session={session} />)}
      {nextCursor && (
        <button type="button" onClick={() => void load(nextCursor)}>
          {t('more')}
        </button>
      )}
    </div>
  );
};
