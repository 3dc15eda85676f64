import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { newIdempotencyKey, post } from '../../api/client';
import { toProblem, type Problem } from '../../api/problem';
import type { Programme, SubmitResult } from '../../api/types';
import { Loading } from '../../components/Loading';
import { ProblemBox } from '../../components/ProblemBox';
import { useI18n } from '../../i18n/i18n';
import { useProgrammes } from '../../i18n/programme-terms';
import type { Session } from '../../session/session';
import { APPLICANT_FIELDS, ApplicantFields } from './ApplicantFields';
import { CategoryPicker } from './CategoryPicker';
import { applicantBody, claimBody } from './claim-body';
import { ClaimFields } from './ClaimFields';
import { IntakeDone, type Submitted } from './IntakeDone';

/**
 * Intake (intake-officer): the form is driven by GET /programmes/{id}'s claim fields, and every
 * error the API returns (`errors[]` of the problem) is shown next to its field.
 */
const takesIn = (session: Session, category: Programme['categories'][number]): boolean => {
  const intake = category.steps.find((step) => step.kind === 'intake');
  return !intake || session.claims.roles.includes(intake.role);
};

export const IntakePage = ({ session }: { session: Session }) => {
  const { t } = useI18n();
  const programmes = useProgrammes();
  const [programmeId, setProgrammeId] = useState('');
  const [categoryCode, setCategoryCode] = useState('');
  const [applicant, setApplicant] = useState<Record<string, string>>({ ward: session.claims.ward ?? '' });
  const [claim, setClaim] = useState<Record<string, string>>({});
  const [months, setMonths] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Submitted | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  const chosen = programmes.find((candidate) => candidate.id === programmeId) ?? programmes[0] ?? null;
  // Only the categories this officer takes in: an employer's loan (category 8) is filed at the district, not the ward.
  const programme = useMemo(() => chosen && { ...chosen, categories: chosen.categories.filter((option) => takesIn(session, option)) }, [chosen, session]);
  useEffect(() => {
    if (programme && !programme.categories.some((category) => category.code === categoryCode)) setCategoryCode(programme.categories[0]?.code ?? '');
  }, [programme, categoryCode]);
  const category = useMemo(() => programme?.categories.find((candidate) => candidate.code === categoryCode) ?? null, [programme, categoryCode]);
  const errors = problem?.errors ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!category || !programme) return;
    setProblem(null);
    setBusy(true);
    try {
      const person = applicantBody(applicant);
      const body = { programme: programme.id, category: category.code, applicant: person, claim: claimBody(category, months, claim) };
      const result = await post<SubmitResult>('/applications', body, { idempotencyKey });
      setCreated({ result, fullName: person.fullName ?? '', citizenId: person.citizenId ?? '', programme: programme.id, category: category.code });
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

  if (programmes.length === 0) return <Loading />;
  if (created) return <IntakeDone created={created} onAnother={startAnother} />;

  const fieldNames = new Set([
    'programme', 'category', 'applicant', 'claim', 'claim.months',
    ...APPLICANT_FIELDS.map((field) => `applicant.${field.name}`),
    ...(category?.claimFields ?? []).map((field) => `claim.${field.name}`),
  ]);
  const chooseCategory = (code: string) => {
    setCategoryCode(code);
    setClaim({});
    setMonths([]);
  };

  return (
    <form className="intake" onSubmit={submit} noValidate data-testid="intake-form">
      <h2>{t('intakeTitle')}</h2>
      <CategoryPicker programmes={programmes} programme={programme} onProgramme={setProgrammeId} categoryCode={categoryCode} onCategory={chooseCategory} errors={errors} />
      <ApplicantFields applicant={applicant} onChange={(name, value) => setApplicant((current) => ({ ...current, [name]: value }))} errors={errors} />
      {category && (
        <ClaimFields category={category} months={months} onMonths={setMonths} claim={claim} onChange={(name, value) => setClaim((current) => ({ ...current, [name]: value }))} errors={errors} />
      )}
      <ProblemBox problem={problem} unmatched={errors.filter((error) => !fieldNames.has(error.field))} />
      <button type="submit" disabled={busy || !category} data-testid="intake-submit">{t('submit')}</button>
    </form>
  );
};
