import type { BeneficiaryApplication } from '../../api/types';
import { formatTime, formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { caseLink } from '../../routing/route';

/** Every payment of the person, each with the application it paid. */
export const PaymentsTable = ({ applications }: { applications: BeneficiaryApplication[] }) => {
  const { t, code } = useI18n();
  const payments = applications.flatMap((application) => application.payments.map((payment) => ({ ...payment, applicationId: application.id })));
  if (payments.length === 0) return <p className="muted">{t('noPayments')}</p>;
  return (
    <table className="table" data-testid="payments">
      <thead>
        <tr>
          <th>{t('paidAt')}</th>
          <th>{t('paidAmount')}</th>
          <th>{t('method')}</th>
          <th>{t('receiptRef')}</th>
          <th>{t('payee')}</th>
          <th>{t('caseTitle')}</th>
        </tr>
      </thead>
      <tbody>
        {payments.map((payment, index) => (
          <tr key={index}>
            <td>{formatTime(payment.paidAt)}</td>
            <td>{formatMoney(payment.amount)}</td>
            <td>{code('payMethods', payment.method)}</td>
            <td>{payment.reference}</td>
            <td>{payment.payee ?? '—'}</td>
            <td><a href={caseLink(payment.applicationId)}>{payment.applicationId.slice(0, 8)}…</a></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
