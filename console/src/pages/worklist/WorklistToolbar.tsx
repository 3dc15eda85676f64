import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';

const STATUSES = ['submitted', 'in-progress', 'approved', 'paid', 'rejected', 'withdrawn', 'recovery-ordered', 'recovered'] as const;

export interface WorklistFilters {
  ward: string;
  status: string;
  step: string;
  mineOnly: boolean;
}

interface ToolbarProps {
  filters: WorklistFilters;
  onChange: (filters: WorklistFilters) => void;
  anyWard: boolean;
  steps: string[];
  onRefresh: () => void;
  updating: boolean;
}

/** Ward (for roles that read every ward), status, awaited step, "awaiting my role", refresh. */
export const WorklistToolbar = ({ filters, onChange, anyWard, steps, onRefresh, updating }: ToolbarProps) => {
  const { t, code } = useI18n();
  const terms = useProgrammeTerms();
  const [wardInput, setWardInput] = useState(filters.ward);
  const set = (patch: Partial<WorklistFilters>) => onChange({ ...filters, ...patch });
  return (
    <div className="toolbar">
      {anyWard && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            set({ ward: wardInput.trim() });
          }}
        >
          <label>
            {t('ward')} <input name="ward" value={wardInput} onChange={(event) => setWardInput(event.target.value)} size={8} placeholder={t('all')} />
          </label>
          <button type="submit">{t('open')}</button>
        </form>
      )}
      <label>
        {t('status')}{' '}
        <select name="status" value={filters.status} onChange={(event) => set({ status: event.target.value })}>
          <option value="">{t('all')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>{code('statuses', status)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('currentStep')}{' '}
        <select name="step" value={filters.step} onChange={(event) => set({ step: event.target.value })}>
          <option value="">{t('all')}</option>
          {steps.map((step) => (
            <option key={step} value={step}>{terms.step(step)}</option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={filters.mineOnly} onChange={(event) => set({ mineOnly: event.target.checked })} /> {t('awaitingMe')}
      </label>
      <button type="button" onClick={onRefresh}>{t('refresh')}</button>
      {updating && <span className="muted">{t('updating')}</span>}
    </div>
  );
};
