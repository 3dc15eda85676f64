import type { FieldError } from '../../api/types';
import { DateInput } from '../../components/DateInput';
import { Field, FieldErrors } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';

export const APPLICANT_FIELDS = [
  { name: 'citizenId', required: true, type: 'text' },
  { name: 'fullName', required: true, type: 'text' },
  { name: 'dateOfBirth', required: true, type: 'date' },
  { name: 'ward', required: true, type: 'text' },
  { name: 'address', required: true, type: 'text' },
  { name: 'phone', required: false, type: 'tel' },
  { name: 'bankAccount', required: false, type: 'text' },
] as const;

export const ApplicantFields = ({ applicant, onChange, errors }: { applicant: Record<string, string>; onChange: (name: string, value: string) => void; errors: FieldError[] }) => {
  const { t } = useI18n();
  return (
    <section className="card">
      <h3>{t('applicantDetails')}</h3>
      <FieldErrors name="applicant" errors={errors} />
      <div className="form-grid">
        {APPLICANT_FIELDS.map((field) => (
          <Field key={field.name} label={t(field.name)} name={`applicant.${field.name}`} errors={errors} required={field.required}>
            {field.type === 'date' ? (
              <DateInput name={`applicant.${field.name}`} value={applicant[field.name] ?? ''} onChange={(value) => onChange(field.name, value)} />
            ) : (
              <input name={`applicant.${field.name}`} type={field.type} value={applicant[field.name] ?? ''} onChange={(event) => onChange(field.name, event.target.value)} />
            )}
          </Field>
        ))}
      </div>
    </section>
  );
};
