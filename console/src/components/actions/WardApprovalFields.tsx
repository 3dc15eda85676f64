import { Field } from '../Field';
import { formatMonth } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { StepFieldsProps } from './step-fields-props';

interface WardApprovalProps extends StepFieldsProps {
  claimedMonths: string[];
  excluded: string[];
  setExcluded: (update: (current: string[]) => string[]) => void;
}

/** Approve or reject; approving, the ward may untick claimed months to approve only the others. */
export const WardApprovalFields = ({ value, set, errors, claimedMonths, excluded, setExcluded }: WardApprovalProps) => {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('outcome')} name="decision" errors={errors}>
        <select name="decision" value={value('decision', 'approved')} onChange={set('decision')}>
          <option value="approved">{t('approve')}</option>
          <option value="rejected">{t('reject')}</option>
        </select>
      </Field>
      {value('decision', 'approved') === 'approved' && claimedMonths.length > 1 && (
        <Field label={t('approvedMonths')} name="approvedMonths" errors={errors}>
          <span data-testid="approved-months">
            {claimedMonths.map((month) => (
              <label key={month} className="inline">
                <input
                  type="checkbox"
                  name={`approve-${month}`}
                  checked={!excluded.includes(month)}
                  onChange={(event) => setExcluded((current) => (event.target.checked ? current.filter((other) => other !== month) : [...current, month]))}
                />{' '}
                {formatMonth(month)}
              </label>
            ))}
          </span>
        </Field>
      )}
    </>
  );
};
