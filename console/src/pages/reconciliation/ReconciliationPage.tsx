import { useCallback, useEffect, useState } from 'react';
import { get, query } from '../../api/client';
import { toProblem, type Problem } from '../../api/problem';
import type { Reconciliation } from '../../api/types';
import { Loading } from '../../components/Loading';
import { ProblemBox } from '../../components/ProblemBox';
import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { Session } from '../../session/session';

const ROWS = ['approved', 'paid', 'unpaid', 'mismatched'] as const;

/** Reconciliation of a ward (treasurer of the ward; auditors and inspectors any ward, read only): approved, paid, unpaid, mismatched. */
export const ReconciliationPage = ({ session }: { session: Session }) => {
  const { t } = useI18n();
  const own = session.claims.ward;
  const [ward, setWard] = useState(own ?? 'W01');
  const [wardInput, setWardInput] = useState(ward);
  const [data, setData] = useState<Reconciliation | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = useCallback(async () => {
    setProblem(null);
    setData(null);
    try {
      setData(await get<Reconciliation>(`/reconciliation${query({ ward })}`));
    } catch (error) {
      setProblem(toProblem(error));
    }
  }, [ward]);
  useEffect(() => {
    void load();
  }, [load]);

  const readOnly = !session.claims.roles.includes('treasurer');
  return (
    <div>
      <h2>{t('reconciliationTitle', { ward })}</h2>
      {readOnly && <p className="lead">{t('reconciliationReadOnly')}</p>}
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          setWard(wardInput.trim());
        }}
      >
        <label>
          {t('ward')} <input name="ward" value={wardInput} onChange={(event) => setWardInput(event.target.value)} size={8} readOnly={!!own && !readOnly} />
        </label>
        <button type="submit">{t('open')}</button>
      </form>
      <ProblemBox problem={problem} />
      {!data && !problem && <Loading />}
      {data && (
        <table className="table" data-testid="reconciliation">
          <caption className="sr-only">{t('reconciliationTitle', { ward: data.ward })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reconciliationLine')}</th>
              <th scope="col">{t('reconciliationCount')}</th>
              <th scope="col">{t('amount')}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row} data-testid={`reconciliation-${row}`}>
                <th scope="row">{t(`reconciliation_${row}`)}</th>
                <td>{data[row].count}</td>
                <td>{formatMoney(data[row].amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
};
