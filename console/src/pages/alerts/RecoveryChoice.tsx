import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

interface RecoveryChoiceProps {
  recoverable: boolean;
  loading: boolean;
  amount: number;
  applications: number;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** The "also order recovery" box with the amount it would order, or why there is nothing to order back. */
export const RecoveryChoice = ({ recoverable, loading, amount, applications, checked, onChange }: RecoveryChoiceProps) => {
  const { t } = useI18n();
  if (!recoverable) return <p className="small muted" data-testid="no-recovery">{t('ruleNotAboutMoney')}</p>;
  if (loading) return null;
  if (amount <= 0) return <p className="small muted" data-testid="no-recovery">{t('nothingPaid')}</p>;
  return (
    <label className="inline block">
      <input type="checkbox" name="orderRecovery" checked={checked} onChange={(event) => onChange(event.target.checked)} />{' '}
      <span data-testid="recovery-offer">{t('orderRecoveryWithConfirm', { amount: formatMoney(amount), n: applications })}</span>
    </label>
  );
};
