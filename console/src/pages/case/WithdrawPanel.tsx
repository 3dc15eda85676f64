import { useState } from 'react';
import { post } from '../../api/client';
import type { ApplicationView, CommandResult } from '../../api/types';
import { useCommandForm } from '../../components/actions/use-command-form';
import { Field } from '../../components/Field';
import { ProblemBox } from '../../components/ProblemBox';
import { useI18n } from '../../i18n/i18n';

/** Statuses the programme lets an applicant withdraw from (the domain decides; this only hides the form elsewhere). */
export const WITHDRAWABLE = ['submitted', 'in-progress', 'approved'];

/** The ward's intake officer records the applicant's withdrawal, with its reason. */
export const WithdrawPanel = ({ view, onDone }: { view: ApplicationView; onDone: (result: CommandResult) => void }) => {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const { problem, busy, send } = useCommandForm(onDone);
  const submit = send((key) => post<CommandResult>(`/applications/${view.id}/withdrawal`, { reason }, { ifMatch: view.version, idempotencyKey: key }));
  return (
    <form className="action-panel" onSubmit={submit} data-testid="withdraw-panel">
      <h3>{t('withdraw')}</h3>
      <Field label={t('reason')} name="reason" errors={problem?.errors}>
        <input name="reason" value={reason} onChange={(event) => setReason(event.target.value)} />
      </Field>
      <ProblemBox problem={problem} unmatched={(problem?.errors ?? []).filter((error) => error.field !== 'reason')} />
      <button type="submit" disabled={busy} data-testid="withdraw">{t('withdraw')}</button>
    </form>
  );
};
