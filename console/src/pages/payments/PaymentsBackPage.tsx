import { useState, type FormEvent } from 'react';
import { toProblem, type Problem } from '../../api/problem';
import type { PaymentReturn } from '../../api/types';
import { upload } from '../../api/upload';
import { Field } from '../../components/Field';
import { RowReportTable } from '../../components/RowReportTable';
import { ProblemBox } from '../../components/ProblemBox';
import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { caseLink } from '../../routing/route';
import type { Session } from '../../session/session';

const METHODS = ['post-office', 'bank', 'cash'] as const;

/**
 * Payments back (treasurer): the list the post office or bank returns, each row recorded as a
 * payment when its amount is what is due. Rows are shown matched, mismatched (amount differs)
 * or unknown (no such approved application, or the row cannot be read).
 */
export const PaymentsBackPage = ({ session }: { session: Session }) => {
  const { t, lang, code } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [method, setMethod] = useState<(typeof METHODS)[number]>('post-office');
  const [sent, setSent] = useState<number | null>(null);
  const [result, setResult] = useState<PaymentReturn | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblem({ type: 'about:blank', status: 400, code: 'validation-failed', title: '', detail: '', errors: [{ field: 'file', message: t('fieldRequired') }] });
      return;
    }
    const form = new FormData();
    form.append('method', method);
    form.append('file', file, file.name);
    setProblem(null);
    setResult(null);
    setSent(0);
    try {
      setResult(await upload<PaymentReturn>('/payments/imports', form, lang, (done, total) => setSent(total > 0 ? done / total : 0)));
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setSent(null);
    }
  };

  const errors = problem?.errors ?? [];
  const mismatchRows = new Set(result?.mismatches.map((mismatch) => mismatch.row) ?? []);
  const unknown = result?.report.filter((entry) => !mismatchRows.has(entry.row)) ?? [];
  return (
    <div>
      <h2>{t('paymentsBackTitle')}</h2>
      <p className="lead">{t('paymentsBackLead', { ward: session.claims.ward ?? '—' })}</p>
      <form className="card" onSubmit={submit} noValidate data-testid="payments-form">
        <div className="form-grid">
          <Field label={t('payMethod')} name="method" errors={errors} required>
            <select name="method" value={method} onChange={(event) => setMethod(event.target.value as (typeof METHODS)[number])}>
              {METHODS.map((option) => <option key={option} value={option}>{code('payMethods', option)}</option>)}
            </select>
          </Field>
          <Field label={t('paymentsBackFile')} name="file" errors={errors} required hint={t('paymentsBackFileHint')} wide>
            <input type="file" name="file" accept=".xlsx,.csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
          </Field>
        </div>
        <button type="submit" disabled={sent !== null} data-testid="payments-submit">{t('paymentsBackSubmit')}</button>
        {sent !== null && (
          <div className="import-progress">
            <progress value={sent} max={1} aria-label={t('importProgress')} />
            <span role="status">{sent < 1 ? t('importUploading', { percent: Math.round(sent * 100) }) : t('paymentsBackDeciding')}</span>
          </div>
        )}
        <ProblemBox problem={problem} unmatched={errors.filter((error) => !['method', 'file'].includes(error.field))} />
      </form>
      {result && (
        <section className="card" data-testid="payments-result" aria-labelledby="payments-result-title">
          <h3 id="payments-result-title">{t('paymentsBackResult')}</h3>
          <p>
            <span className="ok" data-testid="payments-matched">{t('paymentsMatched', { n: result.recorded })}</span>
            {' · '}
            <span data-testid="payments-mismatched">{t('paymentsMismatched', { n: result.mismatches.length })}</span>
            {' · '}
            <span data-testid="payments-unknown">{t('paymentsUnknown', { n: result.refused - result.mismatches.length })}</span>
          </p>
          {result.mismatches.length > 0 && (
            <table className="table" data-testid="payments-mismatches">
              <caption>{t('paymentsMismatchedTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('importRow')}</th>
                  <th scope="col">{t('caseTitle')}</th>
                  <th scope="col">{t('paymentsExpected')}</th>
                  <th scope="col">{t('paymentsGiven')}</th>
                </tr>
              </thead>
              <tbody>
                {result.mismatches.map((mismatch) => (
                  <tr key={mismatch.row}>
                    <td>{mismatch.row}</td>
                    <td><a href={caseLink(mismatch.applicationId)}>{mismatch.applicationId.slice(0, 8)}</a></td>
                    <td>{formatMoney(mismatch.expected)}</td>
                    <td>{formatMoney(mismatch.given)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {unknown.length > 0 && (
            <RowReportTable entries={unknown} testId="payments-unknown-rows" caption={<caption>{t('paymentsUnknownTitle')}</caption>} />
          )}
        </section>
      )}
    </div>
  );
};
