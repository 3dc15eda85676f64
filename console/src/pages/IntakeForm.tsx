import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { get, getProgramme, newIdempotencyKey, post, toProblem, type ClaimField, type CommandResult, type Problem, type Programme } from '../api';
import { Field, FieldErrors, Loading, ProblemBox, caseLink } from '../components';
import { categoryTitle, formatMoney, useI18n } from '../i18n';
import type { Session } from '../session';

const monthsOf = (window: { from: string; to: string } | undefined): string[] => {
  if (!window) return [];
  const months: string[] = [];
  let [year, month] = window.from.split('-').map(Number);
  const [toYear, toMonth] = window.to.split('-').map(Number);
  while (year < toYear || (year === toYear && month <= toMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
};

const APPLICANT_FIELDS = [
  { name: 'citizenId', required: true, type: 'text' },
  { name: 'fullName', required: true, type: 'text' },
  { name: 'dateOfBirth', required: true, type: 'date' },
  { name: 'ward', required: true, type: 'text' },
  { name: 'address', required: true, type: 'text' },
  { name: 'phone', required: false, type: 'tel' },
  { name: 'bankAccount', required: false, type: 'text' },
] as const;

/** Typed input to the JSON the API expects for one claim field; bad input is left for the API to name. */
const claimValue = (field: ClaimField, raw: string): unknown => {
  if (raw === '') return undefined;
  if (field.type === 'integer') return /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
  if (field.type === 'boolean') return raw === 'true';
  return raw;
};

/**
 * Intake (intake-officer): the form is driven by GET /programmes/{id}'s claim fields, and every
 * error the API returns (`errors[]` of the problem) is shown next to its field.
 */
export const IntakeForm = ({ session }: { session: Session }) => {
  const { t, term, lang } = useI18n();
  const [programmeIds, setProgrammeIds] = useState<string[] | null>(null);
  const [programmeId, setProgrammeId] = useState('');
  const [programme, setProgramme] = useState<Programme | null>(null);
  const [categoryCode, setCategoryCode] = useState('');
  const [applicant, setApplicant] = useState<Record<string, string>>({ ward: session.claims.ward ?? '' });
  const [claim, setClaim] = useState<Record<string, string>>({});
  const [months, setMonths] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CommandResult | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  useEffect(() => {
    get<{ items: Programme[] }>('/programmes').then(
      (answer) => {
        setProgrammeIds(answer.items.map((item) => item.id));
        setProgrammeId((current) => current || answer.items[0]?.id || '');
      },
      (error) => {
        setProgrammeIds([]);
        setProblem(toProblem(error));
      },
    );
  }, []);

  useEffect(() => {
    if (!programmeId) return;
    getProgramme(programmeId).then(
      (loaded) => {
        setProgramme(loaded);
        setCategoryCode((current) => (loaded.categories.some((category) => category.code === current) ? current : (loaded.categories[0]?.code ?? '')));
      },
      (error) => setProblem(toProblem(error)),
    );
  }, [programmeId]);

  const category = useMemo(() => programme?.categories.find((candidate) => candidate.code === categoryCode) ?? null, [programme, categoryCode]);
  const windowMonths = monthsOf(category?.window);
  const errors = problem?.errors ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!category) return;
    setProblem(null);
    setBusy(true);
    const claimBody: Record<string, unknown> = {};
    if (months.length > 0 || category.payment === 'monthly') claimBody.months = [...months].sort();
    for (const field of category.claimFields) {
      const typed = claimValue(field, claim[field.name] ?? '');
      if (typed !== undefined) claimBody[field.name] = typed;
    }
    const applicantBody = Object.fromEntries(Object.entries(applicant).map(([key, value]) => [key, value.trim()]).filter(([, value]) => value !== ''));
    try {
      const result = await post<CommandResult>('/applications', { programme: programmeId, category: category.code, applicant: applicantBody, claim: claimBody }, { idempotencyKey });
      setCreated(result);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const startAnother = () => {
    setCreated(null);
    setApplicant({ ward: session.claims.ward ?? '' });
    setClaim({});
    setMonths([]);
    setIdempotencyKey(newIdempotencyKey());
  };

  if (programmeIds === null) return <Loading />;
  if (created) {
    return (
      <div className="card" data-testid="intake-done">
        <h2>{t('submitted')}</h2>
        <p>
          <a href={caseLink(created.id)} data-testid="created-link">{created.id}</a> — {term(created.status)}, {t('nowVersion')} {created.version}
        </p>
        <button type="button" onClick={startAnother}>{t('navIntake')}</button>
      </div>
    );
  }

  const fieldNames = new Set([
    'programme', 'category', 'applicant', 'claim', 'claim.months',
    ...APPLICANT_FIELDS.map((field) => `applicant.${field.name}`),
    ...(category?.claimFields ?? []).map((field) => `claim.${field.name}`),
  ]);

  return (
    <form className="intake" onSubmit={submit} noValidate data-testid="intake-form">
      <h2>{t('intakeTitle')}</h2>
      <section className="card">
        <div className="form-grid">
          <Field label={t('programme')} name="programme" errors={errors} required>
            <select name="programme" value={programmeId} onChange={(event) => setProgrammeId(event.target.value)}>
              {programmeIds.map((id) => <option key={id} value={id}>{id}</option>)}
            </select>
          </Field>
          <Field label={t('category')} name="category" errors={errors} required wide>
            <select name="category" value={categoryCode} onChange={(event) => { setCategoryCode(event.target.value); setClaim({}); setMonths([]); }}>
              {(programme?.categories ?? []).map((candidate) => (
                <option key={candidate.code} value={candidate.code}>{candidate.code}. {categoryTitle(candidate.title, lang)}</option>
              ))}
            </select>
          </Field>
        </div>
        {category && (
          <p className="muted small">
            {t('rate')}: {formatMoney(category.rate)}
            {category.payment === 'monthly' ? t('perMonth') : ` ${t('once')}`} · {term(category.unit)}
          </p>
        )}
      </section>
      <section className="card">
        <h3>{t('applicantDetails')}</h3>
        <FieldErrors name="applicant" errors={errors} />
        <div className="form-grid">
          {APPLICANT_FIELDS.map((field) => (
            <Field key={field.name} label={t(field.name)} name={`applicant.${field.name}`} errors={errors} required={field.required}>
              <input
                name={`applicant.${field.name}`}
                type={field.type}
                value={applicant[field.name] ?? ''}
                onChange={(event) => setApplicant((current) => ({ ...current, [field.name]: event.target.value }))}
              />
            </Field>
          ))}
        </div>
      </section>
      {category && (
        <section className="card">
          <h3>{t('claimDetails')}</h3>
          <FieldErrors name="claim" errors={errors} />
          <Field
            label={t('months')}
            name="claim.months"
            errors={errors}
            required={category.payment === 'monthly'}
            hint={category.payment === 'monthly' ? t('monthsHelp', { n: category.maxMonths }) : t('monthsOnce')}
          >
            <span className="months">
              {windowMonths.map((month) => (
                <label key={month} className="inline">
                  <input
                    type="checkbox"
                    name={`month-${month}`}
                    checked={months.includes(month)}
                    onChange={(event) => setMonths((current) => (event.target.checked ? [...current, month] : current.filter((item) => item !== month)))}
                  />{' '}
                  {month.slice(5)}/{month.slice(0, 4)}
                </label>
              ))}
            </span>
          </Field>
          <div className="form-grid">
            {category.claimFields.map((field) => (
              <Field key={field.name} label={term(field.name)} name={`claim.${field.name}`} errors={errors} required={field.required}>
                {field.type === 'enum' || field.type === 'boolean' ? (
                  <select name={`claim.${field.name}`} value={claim[field.name] ?? ''} onChange={(event) => setClaim((current) => ({ ...current, [field.name]: event.target.value }))}>
                    <option value="">{t('choose')}</option>
                    {(field.type === 'boolean' ? ['true', 'false'] : (field.values ?? [])).map((option) => (
                      <option key={option} value={option}>
                        {field.type === 'boolean' ? t(option === 'true' ? 'yes' : 'no') : term(option)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    name={`claim.${field.name}`}
                    type={field.type === 'date' ? 'date' : field.type === 'integer' ? 'number' : 'text'}
                    min={field.min}
                    max={field.max}
                    value={claim[field.name] ?? ''}
                    onChange={(event) => setClaim((current) => ({ ...current, [field.name]: event.target.value }))}
                  />
                )}
              </Field>
            ))}
          </div>
        </section>
      )}
      <ProblemBox problem={problem} unmatched={errors.filter((error) => !fieldNames.has(error.field))} />
      <button type="submit" disabled={busy || !category} data-testid="intake-submit">{t('submit')}</button>
    </form>
  );
};
