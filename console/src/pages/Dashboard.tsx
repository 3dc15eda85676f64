import { useCallback, useEffect, useState } from 'react';
import { download, get, getProgramme, query, toProblem, type Problem, type Programme } from '../api';
import { BarChart, Loading, ProblemBox } from '../components';
import { categoryTitle, formatDate, formatMoney, useI18n } from '../i18n';
import type { Session } from '../session';

interface CategoryAmounts {
  applications: number;
  claimedAmount: number;
  approvedAmount: number;
  paidAmount: number;
  recoveredAmount: number;
}

/** GET /dashboards/wards/{ward}. */
interface WardDashboard {
  ward: string;
  byStatus: Record<string, number>;
  byCategory: Record<string, CategoryAmounts>;
  overdueSteps?: Record<string, number>;
  asOf?: string;
}

const STATUS_ORDER = ['submitted', 'in-progress', 'approved', 'paid', 'rejected', 'withdrawn', 'recovery-ordered', 'recovered'];

/** Counts by status, amounts approved, paid and recovered by category, overdue steps: bars with their numbers. */
export const Dashboard = ({ session }: { session: Session }) => {
  const { t, term, lang } = useI18n();
  const [ward, setWard] = useState(session.claims.ward ?? 'W01');
  const [wardInput, setWardInput] = useState(ward);
  const [data, setData] = useState<WardDashboard | null>(null);
  const [programme, setProgramme] = useState<Programme | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = useCallback(async () => {
    setProblem(null);
    setData(null);
    try {
      setData(await get<WardDashboard>(`/dashboards/wards/${encodeURIComponent(ward)}`));
      setProgramme(await getProgramme('nq42-2020').catch(() => null));
    } catch (error) {
      setProblem(toProblem(error));
    }
  }, [ward]);

  useEffect(() => {
    void load();
  }, [load]);

  const categoryName = (code: string) => {
    const category = programme?.categories.find((candidate) => candidate.code === code);
    return category ? `${code}. ${categoryTitle(category.title, lang)}` : code;
  };

  const statuses = data ? Object.entries(data.byStatus).sort((a, b) => STATUS_ORDER.indexOf(a[0]) - STATUS_ORDER.indexOf(b[0])) : [];
  const categories = data ? Object.entries(data.byCategory).sort((a, b) => a[0].localeCompare(b[0])) : [];
  const overdue = data?.overdueSteps ? Object.entries(data.overdueSteps) : [];
  const totalOf = (key: keyof CategoryAmounts) => categories.reduce((sum, [, amounts]) => sum + amounts[key], 0);

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
        <button
          type="button"
          data-testid="applications-csv"
          onClick={() => download(`/applications.csv${query({ ward })}`, `applications-${ward}.csv`).catch((error) => setProblem(toProblem(error)))}
        >
          {t('downloadCsv')}
        </button>
      </form>
      <ProblemBox problem={problem} />
      {!data && !problem && <Loading />}
      {data && (
        <div className="dashboard">
          <section className="card">
            <h3>{t('byStatus')}</h3>
            <BarChart testId="chart-status" bars={statuses.map(([status, count]) => ({ label: term(status), value: count, kind: status }))} />
            <p className="small muted">
              {t('total')}: {statuses.reduce((sum, [, count]) => sum + count, 0)}
            </p>
          </section>
          <section className="card">
            <h3>{t('amountsByCategory')}</h3>
            {categories.map(([code, amounts]) => (
              <div key={code} className="category-block">
                <h4>
                  {categoryName(code)} <span className="muted small">({amounts.applications})</span>
                </h4>
                <BarChart
                  bars={[
                    { label: t('approvedAmount'), value: amounts.approvedAmount, display: formatMoney(amounts.approvedAmount), kind: 'approved' },
                    { label: t('paidAmount'), value: amounts.paidAmount, display: formatMoney(amounts.paidAmount), kind: 'paid' },
                    { label: t('recoveredAmount'), value: amounts.recoveredAmount, display: formatMoney(amounts.recoveredAmount), kind: 'recovered' },
                  ]}
                />
              </div>
            ))}
            <p className="small" data-testid="totals">
              {t('total')}: {t('approvedAmount')} {formatMoney(totalOf('approvedAmount'))} · {t('paidAmount')} {formatMoney(totalOf('paidAmount'))} · {t('recoveredAmount')}{' '}
              {formatMoney(totalOf('recoveredAmount'))}
            </p>
          </section>
          <section className="card">
            <h3>
              {t('overdueSteps')} {data.asOf && <span className="muted small">({t('asOf')} {formatDate(data.asOf)})</span>}
            </h3>
            {overdue.length === 0 ? (
              <p className="muted">{t('noOverdue')}</p>
            ) : (
              <BarChart testId="chart-overdue" bars={overdue.map(([step, count]) => ({ label: term(step), value: count, kind: 'overdue' }))} />
            )}
          </section>
        </div>
      )}
    </div>
  );
};
