import type { OfficerActivity } from '../../api/types';
import { formatDate, formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';

/** Per day: how many steps the officer performed, which, and the money they moved. */
export const ActivityTable = ({ activity }: { activity: OfficerActivity }) => {
  const { t, code } = useI18n();
  const terms = useProgrammeTerms();
  // Withdrawals, recoveries and alert resolutions are not programme steps: the dictionary names them.
  const step = (name: string) => (code('otherSteps', name) !== name ? code('otherSteps', name) : terms.step(name));
  if (activity.days.length === 0) return <p className="muted" data-testid="activity-empty">{t('noActivity')}</p>;
  return (
    <table className="table" data-testid="activity">
      <caption className="sr-only">{t('activityTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('day')}</th>
          <th scope="col">{t('total')}</th>
          <th scope="col">{t('step')}</th>
          <th scope="col">{t('action')}</th>
          <th scope="col">{t('count')}</th>
          <th scope="col">{t('amount')}</th>
        </tr>
      </thead>
      <tbody>
        {activity.days.flatMap((day) =>
          day.steps.map((row, index) => (
            <tr key={`${day.day}-${row.step}-${row.action}`} data-testid="activity-row" data-day={day.day}>
              {index === 0 && (
                <>
                  <th scope="row" rowSpan={day.steps.length}>{formatDate(day.day)}</th>
                  <td rowSpan={day.steps.length}>{day.total}</td>
                </>
              )}
              <td>{step(row.step)}</td>
              <td>{code('activityActions', row.action)}</td>
              <td>{row.count}</td>
              <td>{row.amount > 0 ? formatMoney(row.amount) : '—'}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
};
