import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { getProgramme, newIdempotencyKey, post, toProblem, type CommandResult, type Problem, type StepDefinition } from '../api';
import { Field, ProblemBox } from '../components';
import { formatMoney, useI18n } from '../i18n';
import type { Session } from '../session';

/** What an action needs to know of an application: a summary row or the full view will do. */
export interface ActionTarget {
  id: string;
  programme: string;
  programmeVersion?: number;
  category: string;
  status: string;
  currentStep: string | null;
  version: number;
  approvedAmount: number;
  paidAmount: number;
  /** The months claimed, when known (the case page): the ward may approve some of them. */
  claim?: { months?: string[] };
}

/** The programme step an application awaits, if any (from GET /programmes/{id}). */
export const useAwaitedStep = (target: ActionTarget | null): StepDefinition | null => {
  const [step, setStep] = useState<StepDefinition | null>(null);
  useEffect(() => {
    setStep(null);
    if (!target?.currentStep) return;
    let live = true;
    getProgramme(target.programme, target.programmeVersion).then(
      (programme) => {
        const category = programme.categories.find((candidate) => candidate.code === target.category);
        if (live) setStep(category?.steps.find((candidate) => candidate.name === target.currentStep) ?? null);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [target?.programme, target?.programmeVersion, target?.category, target?.currentStep]);
  return step;
};

const todayInVietnam = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * The officer's action on the step an application awaits: village review, ward approval or
 * rejection with reason, another programme step, or payment of the computed amount. Sent with
 * If-Match (the version the officer saw) and an Idempotency-Key, so a stale page or a double
 * click cannot record twice.
 */
export const ActionPanel = ({ target, session, onDone }: { target: ActionTarget; session: Session; onDone: (result: CommandResult) => void }) => {
  const { t, term } = useI18n();
  const step = useAwaitedStep(target);
  const [form, setForm] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CommandResult | null>(null);
  const [excluded, setExcluded] = useState<string[]>([]);
  const idempotencyKey = useMemo(() => newIdempotencyKey(), [target.id, target.version]);
  const claimedMonths = target.claim?.months ?? [];

  useEffect(() => {
    setForm({});
    setExcluded([]);
    setProblem(null);
    setDone(null);
  }, [target.id, target.version]);

  if (!target.currentStep || !step) return null;
  if (!session.claims.roles.includes(step.role)) {
    return <p className="muted" data-testid="not-your-step">{t('notYourStep')} ({term(step.role)})</p>;
  }

  const set = (name: string) => (event: { target: { value: string } }) => setForm((current) => ({ ...current, [name]: event.target.value }));
  const value = (name: string, fallback = '') => form[name] ?? fallback;
  const amountOwed = Math.max(0, target.approvedAmount - target.paidAmount);
  const errors = problem?.errors ?? [];
  const base = `/applications/${encodeURIComponent(target.id)}`;

  const request = (): { path: string; body: Record<string, unknown> } => {
    const optional = (name: string) => (value(name).trim() ? value(name).trim() : undefined);
    if (step.name === 'village-review') {
      return { path: `${base}/village-review`, body: { outcome: value('outcome', 'confirmed'), minutesRef: optional('minutesRef'), reason: optional('reason') } };
    }
    if (step.name === 'ward-approval') {
      const decision = value('decision', 'approved');
      // All claimed months unless some were unticked: then exactly the ticked ones.
      const approvedMonths = decision === 'approved' && excluded.length > 0 ? claimedMonths.filter((month) => !excluded.includes(month)) : undefined;
      return { path: `${base}/ward-approval`, body: { decision, reason: optional('reason'), approvedMonths } };
    }
    if (step.kind === 'payment') {
      return { path: `${base}/payment`, body: { amount: amountOwed, method: value('method', 'cash'), reference: value('reference'), payee: optional('payee') } };
    }
    return {
      path: `${base}/steps/${encodeURIComponent(step.name)}`,
      body: {
        outcome: value('outcome', 'completed'),
        reason: optional('reason'),
        reference: optional('reference'),
        decisionNo: step.kind === 'decision' ? optional('decisionNo') : undefined,
        postedFrom: step.kind === 'posting' ? optional('postedFrom') : undefined,
        postedUntil: step.kind === 'posting' ? optional('postedUntil') : undefined,
      },
    };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      const { path, body } = request();
      const result = await post<CommandResult>(path, body, { ifMatch: target.version, idempotencyKey });
      setDone(result);
      onDone(result);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const rejecting = ['not-eligible', 'rejected'].includes(value('outcome')) || value('decision') === 'rejected';
  const known = ['outcome', 'decision', 'approvedMonths', 'reason', 'minutesRef', 'reference', 'decisionNo', 'postedFrom', 'postedUntil', 'method', 'payee', 'amount'];

  return (
    <form className="action-panel" onSubmit={submit} data-testid="action-panel">
      <h3>
        {t('actionTitle')}: {term(step.name)} <span className="muted">({term(step.role)})</span>
      </h3>
      {step.legalBasis && <p className="muted small">{step.legalBasis}</p>}
      <div className="form-grid">
        {step.name === 'village-review' && (
          <>
            <Field label={t('outcome')} name="outcome" errors={errors}>
              <select name="outcome" value={value('outcome', 'confirmed')} onChange={set('outcome')}>
                <option value="confirmed">{t('confirmed')}</option>
                <option value="not-eligible">{t('notEligible')}</option>
              </select>
            </Field>
            <Field label={t('minutesRef')} name="minutesRef" errors={errors}>
              <input name="minutesRef" value={value('minutesRef')} onChange={set('minutesRef')} />
            </Field>
          </>
        )}
        {step.name === 'ward-approval' && (
          <Field label={t('outcome')} name="decision" errors={errors}>
            <select name="decision" value={value('decision', 'approved')} onChange={set('decision')}>
              <option value="approved">{t('approve')}</option>
              <option value="rejected">{t('reject')}</option>
            </select>
          </Field>
        )}
        {step.name === 'ward-approval' && value('decision', 'approved') === 'approved' && claimedMonths.length > 1 && (
          <Field label={t('approvedMonths')} name="approvedMonths" errors={errors}>
            <span data-testid="approved-months">
              {claimedMonths.map((month) => (
                <label key={month} className="inline">
                  <input
                    type="checkbox"
                    name={`approve-${month}`}
                    checked={!excluded.includes(month)}
                    onChange={(event) => setExcluded((current) => (event.target.checked ? current.filter((other) => other !== month) : [...current, month]))}
                  />{' '}
                  {month}
                </label>
              ))}
            </span>
          </Field>
        )}
        {step.kind === 'payment' && (
          <>
            <div className="field">
              <span className="field-label">{t('payAmount')}</span>
              <strong className="amount" data-testid="pay-amount">{formatMoney(amountOwed)}</strong>
            </div>
            <Field label={t('payMethod')} name="method" errors={errors}>
              <select name="method" value={value('method', 'cash')} onChange={set('method')}>
                {(['cash', 'bank', 'post-office'] as const).map((method) => (
                  <option key={method} value={method}>{t(method)}</option>
                ))}
              </select>
            </Field>
            <Field label={t('receiptRef')} name="reference" errors={errors} required>
              <input name="reference" value={value('reference')} onChange={set('reference')} />
            </Field>
            <Field label={`${t('payee')} (${t('optional')})`} name="payee" errors={errors}>
              <input name="payee" value={value('payee')} onChange={set('payee')} />
            </Field>
          </>
        )}
        {step.name !== 'village-review' && step.name !== 'ward-approval' && step.kind !== 'payment' && (
          <>
            <Field label={t('outcome')} name="outcome" errors={errors}>
              <select name="outcome" value={value('outcome', 'completed')} onChange={set('outcome')}>
                <option value="completed">{t('completed')}</option>
                <option value="rejected">{t('rejected')}</option>
              </select>
            </Field>
            {step.kind === 'decision' && (
              <Field label={t('decisionNo')} name="decisionNo" errors={errors}>
                <input name="decisionNo" value={value('decisionNo')} onChange={set('decisionNo')} placeholder="1052/QĐ-UBND" />
              </Field>
            )}
            <Field label={t(step.kind === 'posting' ? 'postingPlace' : 'reference')} name="reference" errors={errors}>
              <input name="reference" value={value('reference')} onChange={set('reference')} />
            </Field>
            {step.kind === 'posting' && (
              <>
                <Field label={t('postedFrom')} name="postedFrom" errors={errors}>
                  <input type="date" name="postedFrom" value={value('postedFrom')} max={todayInVietnam()} onChange={set('postedFrom')} />
                </Field>
                <Field label={t('postedUntil')} name="postedUntil" errors={errors}>
                  <input type="date" name="postedUntil" value={value('postedUntil')} onChange={set('postedUntil')} />
                </Field>
              </>
            )}
          </>
        )}
        {step.kind !== 'payment' && (
          <Field label={t('reason')} name="reason" errors={errors} required={rejecting} hint={rejecting ? t('reasonRequired') : undefined}>
            <input name="reason" value={value('reason')} onChange={set('reason')} />
          </Field>
        )}
      </div>
      <ProblemBox problem={problem} unmatched={errors.filter((error) => !known.includes(error.field))} />
      <button type="submit" disabled={busy || !!done} data-testid="action-submit">
        {step.kind === 'payment' ? t('pay') : t('save')}
      </button>
    </form>
  );
};
