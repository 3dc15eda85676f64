import { DateInput } from '../DateInput';
import { Field } from '../Field';
import { useI18n } from '../../i18n/i18n';
import type { StepDefinition } from '../../api/types';
import type { StepFieldsProps } from './step-fields-props';

/** A step without an endpoint of its own (posting, appraisals, the provincial decision). */
export const OtherStepFields = ({ value, set, errors, step }: StepFieldsProps & { step: StepDefinition }) => {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('outcome')} name="outcome" errors={errors}>
        <select name="outcome" value={value('outcome', 'completed')} onChange={set('outcome')}>
          <option value="completed">{t('completed')}</option>
          <option value="rejected">{t('rejected')}</option>
        </select>
      </Field>
      {step.kind === 'decision' && (
        <Field label={t('decisionNo')} name="decisionNo" errors={errors}>
          <input name="decisionNo" value={value('decisionNo')} onChange={set('decisionNo')} placeholder="1052/QĐ-UBND" />
        </Field>
      )}
      <Field label={t(step.kind === 'posting' ? 'postingPlace' : 'reference')} name="reference" errors={errors}>
        <input name="reference" value={value('reference')} onChange={set('reference')} />
      </Field>
      {step.kind === 'posting' && (
        <>
          <Field label={t('postedFrom')} name="postedFrom" errors={errors}>
            <DateInput name="postedFrom" value={value('postedFrom')} onChange={(text) => set('postedFrom')({ target: { value: text } })} />
          </Field>
          <Field label={t('postedUntil')} name="postedUntil" errors={errors}>
            <DateInput name="postedUntil" value={value('postedUntil')} onChange={(text) => set('postedUntil')({ target: { value: text } })} />
          </Field>
        </>
      )}
    </>
  );
};
