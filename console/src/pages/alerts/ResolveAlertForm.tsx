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
  // Applications the inspector leaves out of the recovery (by default every paid one is in).
  const [spared, setSpared] = useState<ReadonlySet<string>>(new Set());
  const paidAll = [...(views?.values() ?? [])].filter((view) => unrecovered(view) > 0);
  const offerRecovery = recoverable && paidAll.length > 0;
  const paid = paidAll.filter((view) => !spared.has(view.id));
  const amount = paid.reduce((sum, view) => sum + unrecovered(view), 0);
  const spare = (id: string, chosen: boolean) => setSpared((current) => {
    const next = new Set(current);
    if (chosen) next.delete(id);
    else next.add(id);
    return next;
  });

  const resolve = async (outcome: 'confirmed' | 'dismissed') => {
    setProblem(null);
    setBusy(true);
    try {
      const recovering = outcome === 'confirmed' && orderRecovery && offerRecovery && paid.length > 0;
      const body: ResolutionBody = recovering ? { outcome, note, orderRecovery: true, recoveryApplicationIds: paid.map((view) => view.id).sort() } : { outcome, note };
      await post(`/alerts/${encodeURIComponent(alert.id)}/resolution`, body, { idempotencyKey: `${key}-${outcome}-${recovering ? `recovery-${paid.map((view) => view.id).sort().join('.')}` : 'plain'}` });
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
    if (orderRecovery && offerRecovery && paid.length > 0) setAsking(true);
    else void resolve('confirmed');
  };

  return (
    <form onSubmit={confirm} className="resolve" data-testid="resolve-form">
      <Field label={t('note')} name="note" errors={problem?.errors} required>
        <textarea name="note" rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
      </Field>
      <RecoveryChoice recoverable={recoverable} loading={views === null} amount={amount} applications={paid.length} checked={orderRecovery} onChange={setOrderRecovery} />
      {orderRecovery && offerRecovery && paidAll.length > 1 && !asking && (
        <fieldset className="recovery-choice" data-testid="recovery-choice">
          <legend className="small">{t('recoverFrom')}</legend>
          {paidAll.map((view) => (
            <label key={view.id} className="inline block small">
              <input
                type="checkbox"
                name={`recoverFrom-${view.id}`}
                checked={!spared.has(view.id)}
                // At least one stays chosen: to order nothing back, untick "order recovery" instead.
                disabled={!spared.has(view.id) && paid.length === 1}
                onChange={(event) => spare(view.id, event.target.checked)}
              />{' '}
              {view.applicant.fullName} ({view.ward}, {terms.category(view.programme, view.category)}): {formatMoney(unrecovered(view))}
            </label>
          ))}
        </fieldset>
      )}
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
