import { useState, type FormEvent } from 'react';
import { newIdempotencyKey, post } from '../../api/client';
import { toProblem, type Problem } from '../../api/problem';
import type { Alert, ApplicationView, ResolutionBody } from '../../api/types';
import { ConfirmStep } from '../../components/actions/ConfirmStep';
import { Field } from '../../components/Field';
import { ProblemBox } from '../../components/ProblemBox';
import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';
import { RecoveryChoice } from './RecoveryChoice';
import { unrecovered } from './use-alert-applications';

interface ResolveAlertFormProps {
  alert: Alert;
  /** False for rules that say nothing about a payment being improper (the programme's fraud rules). */
  recoverable: boolean;
  /** The alert's applications as they stand; null while loading. */
  views: Map<string, ApplicationView> | null;
  onResolved: (outcome: 'confirmed' | 'dismissed') => void;
}

/**
 * The inspector confirms or dismisses an open alert, with a note. Recovery is offered only where
 * money was paid and the rule is about money, with the amount; ordering it asks once more.
 */
export const ResolveAlertForm = ({ alert, recoverable, views, onResolved }: ResolveAlertFormProps) => {
  const { t } = useI18n();
  const terms = useProgrammeTerms();
  const [note, setNote] = useState('');
  const [orderRecovery, setOrderRecovery] = useState(false);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const paid = [...(views?.values() ?? [])].filter((view) => unrecovered(view) > 0);
  const amount = paid.reduce((sum, view) => sum + unrecovered(view), 0);
  const offerRecovery = recoverable && amount > 0;

  const resolve = async (outcome: 'confirmed' | 'dismissed') => {
    setProblem(null);
    setBusy(true);
    try {
      const body: ResolutionBody = outcome === 'confirmed' && orderRecovery && offerRecovery ? { outcome, note, orderRecovery: true } : { outcome, note };
      await post(`/alerts/${encodeURIComponent(alert.id)}/resolution`, body, { idempotencyKey: `${key}-${outcome}-${body.orderRecovery ? 'recovery' : 'plain'}` });
      onResolved(outcome);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    if (orderRecovery && offerRecovery) setAsking(true);
    else void resolve('confirmed');
  };

  return (
    <form onSubmit={confirm} className="resolve" data-testid="resolve-form">
      <Field label={t('note')} name="note" errors={problem?.errors} required>
        <textarea name="note" rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
      </Field>
      <RecoveryChoice recoverable={recoverable} loading={views === null} amount={amount} applications={paid.length} checked={orderRecovery} onChange={setOrderRecovery} />
      <ProblemBox problem={problem} unmatched={(problem?.errors ?? []).filter((error) => error.field !== 'note')} />
      {asking ? (
        <ConfirmStep title={t('askConfirmWithRecovery', { amount: formatMoney(amount) })} confirmLabel={t('confirmAndOrder', { amount: formatMoney(amount) })} busy={busy} onConfirm={() => void resolve('confirmed')} onCancel={() => setAsking(false)}>
          <ul className="plain small" data-testid="recovery-list">
            {paid.map((view) => (
              <li key={view.id}>
                {view.applicant.fullName} ({view.ward}, {terms.category(view.programme, view.category)}): <b>{formatMoney(unrecovered(view))}</b>
              </li>
            ))}
          </ul>
          <p className="small muted">{t('moneyWarning')}</p>
        </ConfirmStep>
      ) : (
        <div className="buttons">
          <button type="submit" className="danger" disabled={busy} data-testid="confirm-alert">
            ✔ {t('confirmAlert')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => void resolve('dismissed')} data-testid="dismiss-alert">
            ✕ {t('dismissAlert')}
          </button>
        </div>
      )}
    </form>
  );
};
