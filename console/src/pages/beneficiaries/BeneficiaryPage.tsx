import { useState, type FormEvent } from 'react';
import { get } from '../../api/client';
import { toProblem, type Problem } from '../../api/problem';
import type { Beneficiary } from '../../api/types';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { ProblemBox } from '../../components/ProblemBox';
import { useI18n } from '../../i18n/i18n';
import { BeneficiaryApplications } from './BeneficiaryApplications';
import { BeneficiaryFacts } from './BeneficiaryFacts';
import { PaymentsTable } from './PaymentsTable';

/** GET /beneficiaries/{citizenId}: the person and every application and payment, across wards. */
export const BeneficiaryPage = () => {
  const { t } = useI18n();
  const [citizenId, setCitizenId] = useState('');
  const [person, setPerson] = useState<Beneficiary | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setPerson(null);
    setBusy(true);
    try {
      setPerson(await get<Beneficiary>(`/beneficiaries/${encodeURIComponent(citizenId.trim())}`));
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <h2>{t('beneficiaryTitle')}</h2>
      <form className="toolbar" onSubmit={search}>
        <Field label={t('citizenId')} name="citizenId" errors={problem?.errors}>
          <input name="citizenId" value={citizenId} onChange={(event) => setCitizenId(event.target.value)} inputMode="numeric" />
        </Field>
        <button type="submit" disabled={busy || !citizenId.trim()}>{t('search')}</button>
      </form>
      <ProblemBox problem={problem} />
      {busy && <Loading />}
      {person && (
        <section className="card" data-testid="beneficiary">
          <h3>
            {person.fullName} <span className="muted small">{person.citizenId}</span>
          </h3>
          <BeneficiaryFacts person={person} />
          <BeneficiaryApplications applications={person.applications} />
          <h4>{t('payments')}</h4>
          <PaymentsTable applications={person.applications} />
        </section>
      )}
    </div>
  );
};
