import { useState, type FormEvent } from 'react';
import { get, toProblem, type Problem } from '../api';
import { Badge, Field, Loading, ProblemBox, caseLink } from '../components';
import { formatDate, formatMoney, formatTime, useI18n } from '../i18n';

interface Payment {
  amount: number;
  method: string;
  reference: string;
  payee?: string;
  paidAt: string;
  position?: number;
}

interface BeneficiaryApplication {
  applicationId?: string;
  id?: string;
  programmeId?: string;
  programme?: string;
  category: string;
  ward: string;
  status: string;
  approvedAmount: number;
  paidAmount: number;
  recoveryOrderedAmount?: number;
  recoveredAmount?: number;
  payments?: Payment[];
  submittedAt?: string;
}

/** GET /beneficiaries/{citizenId} (API.md): the person and every application and payment, across wards. */
interface Beneficiary {
  citizenId: string;
  fullName?: string;
  dateOfBirth?: string | null;
  wards?: string[];
  approvedAmount?: number;
  paidAmount?: number;
  recoveryOrderedAmount?: number;
  recoveredAmount?: number;
  summary?: { fullName?: string; approvedAmount?: number; paidAmount?: number; recoveredAmount?: number; wards?: string[] };
  applications: BeneficiaryApplication[];
  payments?: (Payment & { applicationId?: string })[];
}

export const BeneficiarySearch = () => {
  const { t, term } = useI18n();
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

  const payments = person
    ? (person.payments ??
      person.applications.flatMap((application) => (application.payments ?? []).map((payment) => ({ ...payment, applicationId: application.applicationId ?? application.id }))))
    : [];

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
            {person.fullName ?? person.summary?.fullName} <span className="muted small">{person.citizenId}</span>
          </h3>
          <dl className="facts">
            {person.dateOfBirth && (
              <>
                <dt>{t('dateOfBirth')}</dt>
                <dd>{formatDate(person.dateOfBirth)}</dd>
              </>
            )}
            {person.wards && (
              <>
                <dt>{t('ward')}</dt>
                <dd>{person.wards.join(', ')}</dd>
              </>
            )}
            <dt>{t('approvedAmount')}</dt>
            <dd>{formatMoney(person.approvedAmount ?? person.summary?.approvedAmount)}</dd>
            <dt>{t('paidAmount')}</dt>
            <dd data-testid="beneficiary-paid">{formatMoney(person.paidAmount ?? person.summary?.paidAmount)}</dd>
            {!!person.recoveryOrderedAmount && (
              <>
                <dt>{t('recoveryOrderedAmount')}</dt>
                <dd>{formatMoney(person.recoveryOrderedAmount)}</dd>
              </>
            )}
            <dt>{t('recoveredAmount')}</dt>
            <dd>{formatMoney(person.recoveredAmount ?? person.summary?.recoveredAmount ?? 0)}</dd>
          </dl>
          <table className="table">
            <thead>
              <tr>
                <th>{t('caseTitle')}</th>
                <th>{t('programme')}</th>
                <th>{t('category')}</th>
                <th>{t('ward')}</th>
                <th>{t('status')}</th>
                <th>{t('approvedAmount')}</th>
                <th>{t('paidAmount')}</th>
                <th>{t('recoveredAmount')}</th>
              </tr>
            </thead>
            <tbody>
              {person.applications.map((application) => {
                const id = application.applicationId ?? application.id ?? '';
                return (
                  <tr key={id}>
                    <td><a href={caseLink(id)}>{id.slice(0, 8)}…</a></td>
                    <td>{application.programmeId ?? application.programme}</td>
                    <td>{application.category}</td>
                    <td>{application.ward}</td>
                    <td><Badge kind={application.status}>{term(application.status)}</Badge></td>
                    <td>{formatMoney(application.approvedAmount)}</td>
                    <td>{formatMoney(application.paidAmount)}</td>
                    <td>{formatMoney(application.recoveredAmount ?? 0)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h4>{t('payments')}</h4>
          {payments.length === 0 ? (
            <p className="muted">{t('noPayments')}</p>
          ) : (
            <table className="table" data-testid="payments">
              <thead>
                <tr>
                  <th>{t('paidAt')}</th>
                  <th>{t('paidAmount')}</th>
                  <th>{t('method')}</th>
                  <th>{t('receiptRef')}</th>
                  <th>{t('payee')}</th>
                  <th>{t('caseTitle')}</th>
                </tr>
              </thead>
              <tbody>
                {payments.map((payment, index) => (
                  <tr key={index}>
                    <td>{formatTime(payment.paidAt)}</td>
                    <td>{formatMoney(payment.amount)}</td>
                    <td>{term(payment.method)}</td>
                    <td>{payment.reference}</td>
                    <td>{payment.payee ?? '—'}</td>
                    <td>{payment.applicationId && <a href={caseLink(payment.applicationId)}>{payment.applicationId.slice(0, 8)}…</a>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
};
