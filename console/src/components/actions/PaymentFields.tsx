import { Field } from '../Field';
import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { StepFieldsProps } from './step-fields-props';

const METHODS = ['cash', 'bank', 'post-office'] as const;

/** Payment of the amount the programme computed: shown, never typed. */
export const PaymentFields = ({ value, set, errors, amount }: StepFieldsProps & { amount: number }) => {
  const { t, code } = useI18n();
  return (
    <>
      <div className="field">
        <span className="field-label">{t('payAmount')}</span>
        <strong className="amount" data-testid="pay-amount">{formatMoney(amount)}</strong>
      </div>
      <Field label={t('payMethod')} name="method" errors={errors}>
        <select name="method" value={value('method', 'cash')} onChange={set('method')}>
          {METHODS.map((method) => (
            <option key={method} value={method}>{code('payMethods', method)}</option>
          ))}
        </select>
      </Field>
      <Field label={t('receiptRef')} name="reference" errors={errors} required>
        <input name="reference" value={value('reference')} onChange={set('reference')} />
      </Field>
      <Field label={`${t('payee')} (${t('optional')})`} name="payee" errors={errors}>
        <input name="payee" value={value('payee')} onChange={set('payee')} />
      </Field>
    </>
  );
};
