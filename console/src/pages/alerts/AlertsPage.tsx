import { useCallback, useEffect, useRef, useState } from 'react';
import { get, query } from '../../api/client';
import { download } from '../../api/download';
import { toProblem, type Problem } from '../../api/problem';
import type { Alert, AlertPage } from '../../api/types';
import { Loading } from '../../components/Loading';
import { Pager } from '../../components/Pager';
import { ProblemBox } from '../../components/ProblemBox';
import { useCursorPages } from '../../components/use-cursor-pages';
import { useI18n } from '../../i18n/i18n';
import type { Session } from '../../session/session';
import { AlertCard } from './AlertCard';
import { AlertFilters, type AlertFilterValues } from './AlertFilters';

const PAGE_SIZE = 20;

/** Inspectors' alerts board, newest first a page at a time: filters, legal basis, the applications and events behind each alert, resolution. */
export const AlertsPage = ({ session }: { session: Session }) => {
  const { t, lang } = useI18n();
  const [filters, setFilters] = useState<AlertFilterValues>({ ward: '', rule: '', severity: '', status: 'open' });
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const pages = useCursorPages();
  const { cursor, setNextCursor } = pages;

  /** A page of alerts; `quiet` keeps the cards (and what an officer is doing in one) while they are read again. */
  const load = useCallback(
    async (quiet = false) => {
      setProblem(null);
      if (!quiet) setAlerts(null);
      try {
        const answer = await get<AlertPage>(`/alerts${query({ ...filters, limit: PAGE_SIZE, cursor })}`);
        // The API pages in the order alerts were detected; within a page, the newest by time comes first.
        setAlerts([...answer.items].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt)));
        setNextCursor(answer.nextCursor);
      } catch (error) {
        setAlerts([]);
        setProblem(toProblem(error));
      }
    },
    [filters, cursor, setNextCursor],
  );

  useEffect(() => {
    void load();
  }, [load]);

  // The API words reasons in the request's language: a switch of language reads the page again, quietly.
  const wordedIn = useRef(lang);
  useEffect(() => {
    if (wordedIn.current === lang) return;
    wordedIn.current = lang;
    void load(true);
  }, [lang, load]);

  const filter = (next: AlertFilterValues) => {
    pages.reset();
    setFilters(next);
  };
  const csv = () => download(`/alerts.csv${query({ ...filters })}`, 'alerts.csv').catch((error) => setProblem(toProblem(error)));
  const pager = <Pager page={pages.page} hasPrevious={pages.hasPrevious} hasNext={pages.hasNext} onPrevious={pages.previous} onNext={pages.next} testId="alerts-pager" />;

  return (
    <div>
      <h2>{t('alertsTitle')}</h2>
      <AlertFilters filters={filters} onChange={filter} onRefresh={() => void load()} onCsv={() => void csv()} />
      <p className="small muted">{t('newestFirst')}</p>
      {problem?.status === 404 && <p className="muted">{t('alertsUnavailable')}</p>}
      <ProblemBox problem={problem} />
      {alerts === null ? <Loading /> : alerts.length === 0 ? <p className="muted">{t('noAlerts')}</p> : alerts.map((alert) => <AlertCard key={alert.id} alert={alert} session={session} />)}
      {pager}
    </div>
  );
};
