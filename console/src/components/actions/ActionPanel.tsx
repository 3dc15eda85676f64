import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { newIdempotencyKey, post } from '../../api/client';
import { toProblem, type Problem } from '../../api/problem';
import type { CommandResult } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';
import type { Session } from '../../session/session';
import { Field } from '../Field';
import { ProblemBox } from '../ProblemBox';
import type { ActionTarget } from './action-target';
import { OtherStepFields } from './OtherStepFields';
import { PaymentFields } from './PaymentFields';
import { STEP_FORM_FIELDS, amountOwed, isRejecting, stepRequest } from './step-request';
import { useAwaitedStep } from './use-awaited-step';
import { VillageReviewFields } from './VillageReviewFields';
import { WardApprovalFields } from './WardApprovalFields';

/**
 * The officer's action on the step an application awaits: village review, ward approval or
 * rejection with reason, another programme step, or payment of the computed amount. Sent with
 * If-Match (the version the officer saw) and an Idempotency-Key, so a stale page or a double
 * click cannot record twice.
 */
export const ActionPanel = ({ target, session, onDone }: { target: ActionTarget; session: Session; onDone: (result: CommandResult) => void }) => {
  const { t, code, lang } = useI18n();
  const terms = useProgrammeTerms();
  const step = useAwaitedStep(target);
  const [values, setValues] = useState<Record<string, string>>({});
  const [excluded, setExcluded] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CommandResult | null>(null);
  const idempotencyKey = useMemo(() => newIdempotencyKey(), [target.id, target.version]);

  useEffect(() => {
    setValues({});
    setExcluded([]);
    setProblem(null);
    setDone(null);
  }, [target.id, target.version]);

  if (!target.currentStep || !step) return null;
  if (!session.claims.roles.includes(step.role)) {
    return <p className="muted" data-testid="not-your-step">{t('notYourStep')} ({code('roles', step.role)})</p>;
  }

  const form = { values, excludedMonths: excluded };
  const fields = {
    value: (name: string, fallback = '') => values[name] ?? fallback,
    set: (name: string) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value })),
    errors: problem?.errors ?? [],
  };
  const rejecting = isRejecting(form);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      const { path, body } = stepRequest(target, step, form);
      const result = await post<CommandResult>(path, body, { ifMatch: target.version, idempotencyKey });
      setDone(result);
      onDone(result);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="action-panel" onSubmit={submit} data-testid="action-panel">
      <h3>
        {t('actionTitle')}: {terms.step(step.name)} <span className="muted">({code('roles', step.role)})</span>
      </h3>
      {step.legalBasis && <p className="muted small" data-testid="step-legal-basis">{step.legalBasisLabel?.[lang] ?? step.legalBasis}</p>}
      <div className="form-grid">
        {step.name === 'village-review' ? (
          <VillageReviewFields {...fields} />
        ) : step.name === 'ward-approval' ? (
          <WardApprovalFields {...fields} claimedMonths={target.claim?.months ?? []} excluded={excluded} setExcluded={setExcluded} />
        ) : step.kind === 'payment' ? (
          <PaymentFields {...fields} amount={amountOwed(target)} />
        ) : (
          <OtherStepFields {...fields} step={step} />
        )}
        {step.kind !== 'payment' && (
          <Field label={t('reason')} name="reason" errors={fields.errors} required={rejecting} hint={rejecting ? t('reasonRequired') : undefined}>
            <input name="reason" value={fields.value('reason')} onChange={fields.set('reason')} />
          </Field>
        )}
      </div>
      <ProblemBox problem={problem} unmatched={fields.errors.filter((error) => !STEP_FORM_FIELDS.includes(error.field))} />
      <button type="submit" disabled={busy || !!done} data-testid="action-submit">
        {step.kind === 'payment' ? t('pay') : t('save')}
      </button>
    </form>
  );
};
