import { useState, type FormEvent } from 'react';
import { newIdempotencyKey, post } from '../../api/client';
import { toProblem, type Problem } from '../../api/problem';
import type { Alert, ResolutionBody } from '../../api/types';
import { Field } from '../../components/Field';
import { ProblemBox } from '../../components/ProblemBox';
import { useI18n } from '../../i18n/i18n';

/** The inspector confirms (optionally ordering recovery) or dismisses an open alert, with a note. */
export const ResolveAlertForm = ({ alert, onResolved }: { alert: Alert; onResolved: (outcome: 'confirmed' | 'dismissed') => void }) => {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [orderRecovery, setOrderRecovery] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);

  const resolve = async (outcome: 'confirmed' | 'dismissed', event?: FormEvent) => {
    event?.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      const body: ResolutionBody = outcome === 'confirmed' && orderRecovery ? { outcome, note, orderRecovery: true } : { outcome, note };
      await post(`/alerts/${encodeURIComponent(alert.id)}/resolution`, body, { idempotencyKey: `${key}-${outcome}` });
      onResolved(outcome);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void resolve('confirmed', event)} className="resolve">
      <Field label={t('note')} name="note" errors={problem?.errors} required>
        <textarea name="note" rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
      </Field>
      <label className="inline block">
        <input type="checkbox" name="orderRecovery" checked={orderRecovery} onChange={(event) => setOrderRecovery(event.target.checked)} /> {t('orderRecoveryWithConfirm')}
      </label>
      <ProblemBox problem={problem} unmatched={(problem?.errors ?? []).filter((error) => error.field !== 'note')} />
      <button type="submit" disabled={busy} data-testid="confirm-alert">{t('confirmAlert')}</button>{' '}
      <button type="button" disabled={busy} onClick={() => void resolve('dismissed')} data-testid="dismiss-alert">
        {t('dismissAlert')}
      </button>
    </form>
  );
};
