import type { CategoryAmounts } from '../../api/types';
import { BarChart } from '../../components/BarChart';
import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';

/** Amounts approved, paid, ordered back and recovered per category, and their totals. */
export const AmountsByCategory = ({ programmeId, byCategory, recoveryOrdered }: { programmeId: string; byCategory: Record<string, CategoryAmounts>; recoveryOrdered: number }) => {
  const { t } = useI18n();
  const terms = useProgrammeTerms();
  const categories = Object.entries(byCategory).sort((a, b) => a[0].localeCompare(b[0]));
  const totalOf = (key: keyof CategoryAmounts) => categories.reduce((sum, [, amounts]) => sum + amounts[key], 0);
  // One scale for every category, so a longer bar is always more money.
  const max = Math.max(0, ...categories.flatMap(([, amounts]) => [amounts.approvedAmount, amounts.paidAmount, amounts.recoveryOrderedAmount, amounts.recoveredAmount]));
  return (
    <section className="card amounts">
      <h3>{t('amountsByCategory')}</h3>
      {categories.map(([code, amounts]) => (
        <div key={code} className="category-block">
          <h4>
            {terms.category(programmeId, code)} <span className="muted small">({amounts.applications})</span>
          </h4>
          <BarChart
            max={max}
            bars={[
              { label: t('approvedAmount'), value: amounts.approvedAmount, display: formatMoney(amounts.approvedAmount), kind: 'approved' },
              { label: t('paidAmount'), value: amounts.paidAmount, display: formatMoney(amounts.paidAmount), kind: 'paid' },
              { label: t('recoveryOrderedAmount'), value: amounts.recoveryOrderedAmount, display: formatMoney(amounts.recoveryOrderedAmount), kind: 'recovery-ordered' },
              { label: t('recoveredAmount'), value: amounts.recoveredAmount, display: formatMoney(amounts.recoveredAmount), kind: 'recovered' },
            ]}
          />
        </div>
      ))}
      <p className="small" data-testid="totals">
        {t('total')}: {t('approvedAmount')} {formatMoney(totalOf('approvedAmount'))} · {t('paidAmount')} {formatMoney(totalOf('paidAmount'))} · {t('recoveryOrderedAmount')}{' '}
        {formatMoney(totalOf('recoveryOrderedAmount'))} · {t('recoveredAmount')}{' '}
        {formatMoney(totalOf('recoveredAmount'))}
      </p>
      <p className="small muted" data-testid="recovery-ordered-count">
        {t('recoveryOrderedApplications', { n: recoveryOrdered })}
      </p>
    </section>
  );
};
