import { useState } from 'react';
import { post } from '../../api/client';
import type { ApplicationView, CommandResult } from '../../api/types';
import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Field } from '../Field';
import { ProblemBox } from '../ProblemBox';
import { useCommandForm } from './use-command-form';

/** Inspectors order (thu hồi) or record the recovery of a payment. */
export const RecoveryPanel = ({ view, onDone }: { view: ApplicationView; onDone: (result: CommandResult) => void }) => {
  const { t } = useI18n();
  const ordered = view.recoveryOrderedAmount ?? 0;
  const action = ordered > (view.recoveredAmount ?? 0) ? 'recovered' : 'ordered';
  const amount = action === 'ordered' ? view.paidAmount - ordered : ordered - (view.recoveredAmount ?? 0);
  const [reason, setReason] = useState('');
  const { problem, busy, send } = useCommandForm(onDone);
  if (amount <= 0) return null;
  const submit = send((key) => post<CommandResult>(`/applications/${view.id}/recovery`, { action, amount, reason }, { ifMatch: view.version, idempotencyKey: key }));
  return (
    <form className="action-panel" onSubmit={submit} data-testid="recovery-panel">
      <h3>{t('orderRecovery')}: {formatMoney(amount)}</h3>
      <Field label={t('reason')} name="reason" errors={problem?.errors} required>
        <input name="reason" value={reason} onChange={(event) => setReason(event.target.value)} />
      </Field>
      <ProblemBox problem={problem} unmatched={(problem?.errors ?? []).filter((error) => error.field !== 'reason')} />
      <button type="submit" disabled={busy}>{action === 'ordered' ? t('orderRecovery') : t('recoveredAmount')}</button>
    </form>
  );
};
