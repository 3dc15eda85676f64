import { useState, type FormEvent } from 'react';
import { post } from '../../api/client';
import type { ApplicationView, CommandResult } from '../../api/types';
import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Field } from '../Field';
import { ProblemBox } from '../ProblemBox';
import { ConfirmStep } from './ConfirmStep';
import { useCommandForm } from './use-command-form';

/** What an inspector may do next about an application's money: order back what is paid, or record what came back. */
export const nextRecovery = (view: ApplicationView): { action: 'ordered' | 'recovered'; amount: number } => {
  const ordered = view.recoveryOrderedAmount;
  return ordered > view.recoveredAmount ? { action: 'recovered', amount: ordered - view.recoveredAmount } : { action: 'ordered', amount: view.paidAmount - ordered };
};

/** Inspectors order (thu hồi) or record the recovery of a payment, after saying the amount and asking. */
export const RecoveryPanel = ({ view, onDone }: { view: ApplicationView; onDone: (result: CommandResult) => void }) => {
  const { t } = useI18n();
  const { action, amount } = nextRecovery(view);
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const { problem, busy, send } = useCommandForm((result) => {
    setAsking(false);
    onDone(result);
  });
  if (amount <= 0) return null;
  const record = send((key) => post<CommandResult>(`/applications/${view.id}/recovery`, { action, amount, reason }, { ifMatch: view.version, idempotencyKey: key }));
  const ask = (event: FormEvent) => {
    event.preventDefault();
    setAsking(true);
  };
  const heading = action === 'ordered' ? t('orderRecoveryOf', { amount: formatMoney(amount) }) : t('recordRecoveredOf', { amount: formatMoney(amount) });
  return (
    <form className="action-panel action-money" onSubmit={ask} data-testid="recovery-panel">
      <h3>{heading}</h3>
      <Field label={t('reason')} name="reason" errors={problem?.errors} required>
        <input name="reason" value={reason} onChange={(event) => setReason(event.target.value)} disabled={asking} />
      </Field>
      <ProblemBox problem={problem} unmatched={(problem?.errors ?? []).filter((error) => error.field !== 'reason')} />
      {asking ? (
        <ConfirmStep
          title={action === 'ordered' ? t('askOrderRecovery', { amount: formatMoney(amount), name: view.applicant.fullName }) : t('askRecordRecovered', { amount: formatMoney(amount), name: view.applicant.fullName })}
          confirmLabel={heading}
          busy={busy}
          onConfirm={() => void record()}
          onCancel={() => setAsking(false)}
        >
          <p className="small muted">{t('moneyWarning')}</p>
        </ConfirmStep>
      ) : (
        <button type="submit" className="danger" data-testid="recovery-submit">{heading}…</button>
      )}
    </form>
  );
};
