import { useEffect, useState, type FormEvent } from 'react';
import { newIdempotencyKey, post } from '../../api/client';
import { toProblem, type Problem } from '../../api/problem';
import type { ListCommandResult, Programme } from '../../api/types';
import { Field } from '../../components/Field';
import { ProblemBox } from '../../components/ProblemBox';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';
import type { Session } from '../../session/session';

/** Steps done on an application alone or by a provincial decision (POST /decisions) are not acted on as a ward's list. */
const NOT_BY_LIST = new Set(['intake', 'payment', 'provincial-decision']);

/** The steps of this category whose role the officer has, that a list can act on. */
export const listSteps = (programme: Programme, categoryCode: string, roles: readonly string[]) =>
  (programme.categories.find((category) => category.code === categoryCode)?.steps ?? []).filter((step) => !NOT_BY_LIST.has(step.name) && roles.includes(step.role));

interface CompileListFormProps {
  programme: Programme;
  session: Session;
  onCompiled: (id: string) => void;
}

/** A list for one step of the ward: every application awaiting it, or the ones named. */
export const CompileListForm = ({ programme, session, onCompiled }: CompileListFormProps) => {
  const { t } = useI18n();
  const terms = useProgrammeTerms();
  const roles = session.claims.roles;
  const categories = programme.categories.filter((category) => listSteps(programme, category.code, roles).length > 0);
  const [categoryCode, setCategoryCode] = useState(categories[0]?.code ?? '');
  const steps = listSteps(programme, categoryCode, roles);
  const [step, setStep] = useState(steps[0]?.name ?? '');
  const [ward, setWard] = useState(session.claims.ward ?? '');
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!steps.some((candidate) => candidate.name === step)) setStep(steps[0]?.name ?? '');
  }, [steps, step]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    const applicationIds = chosen.split(/[\s,;]+/).map((id) => id.trim()).filter(Boolean);
    try {
      const body = { programme: programme.id, category: categoryCode, ward: ward.trim(), step, ...(applicationIds.length > 0 ? { applicationIds } : {}) };
      const result = await post<ListCommandResult>('/lists', body, { idempotencyKey: newIdempotencyKey() });
      onCompiled(result.id);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  if (categories.length === 0) return <p className="muted">{t('listNoSteps')}</p>;
  const errors = problem?.errors ?? [];
  const known = ['category', 'step', 'ward', 'applicationIds'];
  return (
    <form className="card" onSubmit={submit} noValidate data-testid="compile-list">
      <h3>{t('listCompile')}</h3>
      <div className="form-grid">
        <Field label={t('category')} name="category" errors={errors} required wide>
          <select name="category" value={categoryCode} onChange={(event) => setCategoryCode(event.target.value)}>
            {categories.map((option) => <option key={option.code} value={option.code}>{terms.category(programme.id, option.code)}</option>)}
          </select>
        </Field>
        <Field label={t('step')} name="step" errors={errors} required>
          <select name="step" value={step} onChange={(event) => setStep(event.target.value)}>
            {steps.map((option) => <option key={option.name} value={option.name}>{terms.step(option.name)}</option>)}
          </select>
        </Field>
        <Field label={t('ward')} name="ward" errors={errors} required>
          <input name="ward" value={ward} onChange={(event) => setWard(event.target.value)} readOnly={!!session.claims.ward} />
        </Field>
        <Field label={t('listChosen')} name="applicationIds" errors={errors} hint={t('listChosenHint')} wide>
          <textarea name="applicationIds" rows={2} value={chosen} onChange={(event) => setChosen(event.target.value)} />
        </Field>
      </div>
      <ProblemBox problem={problem} unmatched={errors.filter((error) => !known.includes(error.field))} />
      <button type="submit" disabled={busy || !step} data-testid="compile-submit">{t('listCompileSubmit')}</button>
    </form>
  );
};
