import type { Category, ClaimField, FieldError } from '../../api/types';
import { DateInput } from '../../components/DateInput';
import { Field, FieldErrors } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';
import { monthsOf } from './claim-body';
import { MonthPicker } from './MonthPicker';

/** One claim field as the programme defines it: a choice for enums and yes/no, an input otherwise. */
const ClaimInput = ({ field, value, onChange }: { field: ClaimField; value: string; onChange: (value: string) => void }) => {
  const { t } = useI18n();
  const terms = useProgrammeTerms();
  const name = `claim.${field.name}`;
  if (field.type === 'enum' || field.type === 'boolean') {
    return (
      <select name={name} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('choose')}</option>
        {(field.type === 'boolean' ? ['true', 'false'] : (field.values ?? [])).map((option) => (
          <option key={option} value={option}>
            {field.type === 'boolean' ? t(option === 'true' ? 'yes' : 'no') : terms.value(field.name, option)}
          </option>
        ))}
      </select>
    );
  }
  if (field.type === 'date') return <DateInput name={name} value={value} onChange={onChange} />;
  return <input name={name} type={field.type === 'integer' ? 'number' : 'text'} min={field.min} max={field.max} value={value} onChange={(event) => onChange(event.target.value)} />;
};

interface ClaimFieldsProps {
  category: Category;
  months: string[];
  onMonths: (months: string[]) => void;
  claim: Record<string, string>;
  onChange: (name: string, value: string) => void;
  errors: FieldError[];
}

/** The months claimed and the category's own fields, from GET /programmes/{id}. */
export const ClaimFields = ({ category, months, onMonths, claim, onChange, errors }: ClaimFieldsProps) => {
  const { t } = useI18n();
  const terms = useProgrammeTerms();
  const monthly = category.payment === 'monthly';
  return (
    <section className="card">
      <h3>{t('claimDetails')}</h3>
      <FieldErrors name="claim" errors={errors} />
      <Field label={t('months')} name="claim.months" errors={errors} required={monthly} hint={monthly ? t('monthsHelp', { n: category.maxMonths }) : t('monthsOnce')}>
        <MonthPicker months={monthsOf(category.window)} selected={months} onChange={onMonths} />
      </Field>
      <div className="form-grid">
        {category.claimFields.map((field) => (
          <Field key={field.name} label={terms.field(field.name)} name={`claim.${field.name}`} errors={errors} required={field.required}>
            <ClaimInput field={field} value={claim[field.name] ?? ''} onChange={(value) => onChange(field.name, value)} />
          </Field>
        ))}
      </div>
    </section>
  );
};
