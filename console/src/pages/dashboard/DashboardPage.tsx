import { useCallback, useEffect, useState } from 'react';
import { get, query } from '../../api/client';
import { download } from '../../api/download';
import { byStatusOrder } from '../../api/statuses';
import { toProblem, type Problem } from '../../api/problem';
import type { WardDashboard } from '../../api/types';
import { BarChart } from '../../components/BarChart';
import { Loading } from '../../components/Loading';
import { ProblemBox } from '../../components/ProblemBox';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useProgrammes, useProgrammeTerms } from '../../i18n/programme-terms';
import type { Session } from '../../session/session';
import { AmountsByCategory } from './AmountsByCategory';


/** Counts by status, amounts approved, paid and recovered by category, overdue steps: bars with their numbers. */
export const DashboardPage = ({ session }: { session: Session }) => {
  const { t, code } = useI18n();
  const terms = useProgrammeTerms();
  const programmeId = useProgrammes()[0]?.id ?? 'nq42-2020';
  const [ward, setWard] = useState(session.claims.ward ?? 'W01');
  const [wardInput, setWardInput] = useState(ward);
  const [data, setData] = useState<WardDashboard | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = useCallback(async () => {
    setProblem(null);
    setData(null);
    try {
      setData(await get<WardDashboard>(`/dashboards/wards/${encodeURIComponent(ward)}`));
    } catch (error) {
      setProblem(toProblem(error));
    }
  }, [ward]);

  useEffect(() => {
    void load();
  }, [load]);

  const statuses = data ? Object.entries(data.byStatus).sort((a, b) => byStatusOrder(a[0], b[0])) : [];
  const overdue = data ? Object.entries(data.overdueSteps) : [];
  const csv = () => download(`/applications.csv${query({ ward })}`, `applications-${ward}.csv`).catch((error) => setProblem(toProblem(error)));

  return (
    <div>
      <h2>
        {t('dashboardTitle')} {ward}
      </h2>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          setWard(wardInput.trim());
        }}
      >
        <label>
          {t('ward')} <input name="ward" value={wardInput} onChange={(event) => setWardInput(event.target.value)} size={8} />
        </label>
        <button type="submit">{t('open')}</button>{' '}
        <button type="button" className="secondary" data-testid="applications-csv" onClick={() => void csv()}>
          {t('downloadCsv')}
        </button>
      </form>
      <ProblemBox problem={problem} />
      {!data && !problem && <Loading />}
      {data && (
        <div className="dashboard">
          <section className="card">
            <h3>{t('byStatus')}</h3>
            <BarChart testId="chart-status" bars={statuses.map(([status, count]) => ({ label: code('statuses', status), value: count, kind: status }))} />
            <p className="small muted">
              {t('total')}: {statuses.reduce((sum, [, count]) => sum + count, 0)}
            </p>
          </section>
          <AmountsByCategory programmeId={programmeId} byCategory={data.byCategory} recoveryOrdered={data.byStatus['recovery-ordered'] ?? 0} />
          <section className="card">
            <h3>
              {t('overdueSteps')} <span className="muted small">({t('asOf')} {formatDate(data.asOf)})</span>
            </h3>
            {overdue.length === 0 ? <p className="muted">{t('noOverdue')}</p> : <BarChart testId="chart-overdue" bars={overdue.map(([step, count]) => ({ label: terms.step(step), value: count, kind: 'overdue' }))} />}
          </section>
        </div>
      )}
    </div>
  );
};
