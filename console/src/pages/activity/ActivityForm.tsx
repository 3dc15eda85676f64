import { useState, type FormEvent } from 'react';
import type { FieldError } from '../../api/types';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';

export interface ActivityQuery {
  officerId: string;
  from: string;
  to: string;
}

/** Which officer, from which day to which (at most 366 days apart, the API's limit). */
export const ActivityForm = ({ initial, onSubmit, errors }: { initial: ActivityQuery; onSubmit: (query: ActivityQuery) => void; errors: FieldError[] }) => {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (values.officerId.trim()) onSubmit({ ...values, officerId: values.officerId.trim() });
  };
  return (
    <form className="toolbar" onSubmit={submit} data-testid="activity-form">
      <Field label={t('officerId')} name="officerId" errors={errors} required>
        <input name="officerId" value={values.officerId} onChange={(event) => setValues({ ...values, officerId: event.target.value })} />
      </Field>
      <Field label={t('fromDay')} name="from" errors={errors}>
        <DateInput name="from" value={values.from} onChange={(from) => setValues({ ...values, from })} />
      </Field>
      <Field label={t('toDay')} name="to" errors={errors}>
        <DateInput name="to" value={values.to} onChange={(to) => setValues({ ...values, to })} />
      </Field>
      <button type="submit" disabled={!values.officerId.trim()}>{t('search')}</button>
    </form>
  );
};
