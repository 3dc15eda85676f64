import { Field } from '../Field';
import { useI18n } from '../../i18n/i18n';
import type { StepFieldsProps } from './step-fields-props';

export const VillageReviewFields = ({ value, set, errors }: StepFieldsProps) => {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('outcome')} name="outcome" errors={errors}>
        <select name="outcome" value={value('outcome', 'confirmed')} onChange={set('outcome')}>
          <option value="confirmed">{t('confirmed')}</option>
          <option value="not-eligible">{t('notEligible')}</option>
        </select>
      </Field>
      <Field label={t('minutesRef')} name="minutesRef" errors={errors}>
        <input name="minutesRef" value={value('minutesRef')} onChange={set('minutesRef')} />
      </Field>
    </>
  );
};
