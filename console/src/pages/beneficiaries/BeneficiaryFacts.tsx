import type { Beneficiary } from '../../api/types';
import { formatDate, formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

/** The person's totals across every application. */
export const BeneficiaryFacts = ({ person }: { person: Beneficiary }) => {
  const { t } = useI18n();
  return (
    <dl className="facts">
      {person.dateOfBirth && (
        <>
          <dt>{t('dateOfBirth')}</dt>
          <dd>{formatDate(person.dateOfBirth)}</dd>
        </>
      )}
      <dt>{t('ward')}</dt>
      <dd>{person.wards.join(', ')}</dd>
      <dt>{t('approvedAmount')}</dt>
      <dd>{formatMoney(person.approvedAmount)}</dd>
      <dt>{t('paidAmount')}</dt>
      <dd data-testid="beneficiary-paid">{formatMoney(person.paidAmount)}</dd>
      {!!person.recoveryOrderedAmount && (
        <>
          <dt>{t('recoveryOrderedAmount')}</dt>
          <dd>{formatMoney(person.recoveryOrderedAmount)}</dd>
        </>
      )}
      <dt>{t('recoveredAmount')}</dt>
      <dd>{formatMoney(person.recoveredAmount)}</dd>
    </dl>
  );
};
