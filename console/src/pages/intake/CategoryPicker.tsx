import type { FieldError, Programme } from '../../api/types';
import { Field } from '../../components/Field';
import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';

interface CategoryPickerProps {
  programmes: readonly Programme[];
  programme: Programme | null;
  onProgramme: (id: string) => void;
  categoryCode: string;
  onCategory: (code: string) => void;
  errors: FieldError[];
}

/** The programme and its category, with the category's rate. */
export const CategoryPicker = ({ programmes, programme, onProgramme, categoryCode, onCategory, errors }: CategoryPickerProps) => {
  const { t, code } = useI18n();
  const terms = useProgrammeTerms();
  const category = programme?.categories.find((candidate) => candidate.code === categoryCode);
  return (
    <section className="card">
      <div className="form-grid">
        <Field label={t('programme')} name="programme" errors={errors} required>
          <select name="programme" value={programme?.id ?? ''} onChange={(event) => onProgramme(event.target.value)}>
            {programmes.map((option) => <option key={option.id} value={option.id}>{option.id}</option>)}
          </select>
        </Field>
        <Field label={t('category')} name="category" errors={errors} required wide>
          <select name="category" value={categoryCode} onChange={(event) => onCategory(event.target.value)}>
            {(programme?.categories ?? []).map((option) => (
              <option key={option.code} value={option.code}>{terms.category(programme!.id, option.code)}</option>
            ))}
          </select>
        </Field>
      </div>
      {category && (
        <p className="muted small">
          {t('rate')}: {formatMoney(category.rate)}
          {category.payment === 'monthly' ? t('perMonth') : ` ${t('once')}`} · {code('units', category.unit)}
        </p>
      )}
    </section>
  );
};
