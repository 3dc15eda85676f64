import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useProgrammes, useProgrammeTerms } from '../../i18n/programme-terms';
import { STATUS_ORDER } from '../../api/statuses';

export interface WorklistFilters {
  ward: string;
  /** A citizen ID, phone or name without diacritics (GET /applications?q=), within the officer's scope. */
  q: string;
  status: string;
  category: string;
  step: string;
  mineOnly: boolean;
}

interface ToolbarProps {
  filters: WorklistFilters;
  onChange: (filters: WorklistFilters) => void;
  anyWard: boolean;
  steps: string[];
  mayAct: boolean;
  onRefresh: () => void;
  updating: boolean;
}

/** The API's filters (ward for roles that read every ward, status, category), then the page's own (step, awaiting me). */
export const WorklistToolbar = ({ filters, onChange, anyWard, steps, mayAct, onRefresh, updating }: ToolbarProps) => {
  const { t, code } = useI18n();
  const terms = useProgrammeTerms();
  const programme = useProgrammes()[0];
  const [wardInput, setWardInput] = useState(filters.ward);
  const [searchInput, setSearchInput] = useState(filters.q);
  const set = (patch: Partial<WorklistFilters>) => onChange({ ...filters, ...patch });
  return (
    <div className="toolbar" data-testid="worklist-filters">
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          set({ q: searchInput.trim() });
        }}
      >
        <label>
          {t('searchPerson')}{' '}
          <input name="q" type="search" value={searchInput} onChange={(event) => setSearchInput(event.target.value)} size={24} placeholder={t('searchPlaceholder')} maxLength={100} data-testid="search-q" />
        </label>
        <button type="submit" data-testid="search-submit">{t('search')}</button>
        {filters.q && (
          <button type="button" className="secondary" onClick={() => { setSearchInput(''); set({ q: '' }); }} data-testid="search-clear">{t('clearSearch')}</button>
        )}
      </form>
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
          {STATUS_ORDER.map((status) => <option key={status} value={status}>{code('statuses', status)}</option>)}
        </select>
      </label>
      <label>
        {t('category')}{' '}
        <select name="category" value={filters.category} onChange={(event) => set({ category: event.target.value })}>
          <option value="">{t('all')}</option>
          {(programme?.categories ?? []).map((category) => <option key={category.code} value={category.code}>{terms.category(programme.id, category.code)}</option>)}
        </select>
      </label>
      <label>
        {t('currentStep')} <span className="small muted">({t('onThisPage')})</span>{' '}
        <select name="step" value={filters.step} onChange={(event) => set({ step: event.target.value })}>
          <option value="">{t('all')}</option>
          {steps.map((step) => <option key={step} value={step}>{terms.step(step)}</option>)}
        </select>
      </label>
      {mayAct && (
        <label>
          <input type="checkbox" name="mineOnly" checked={filters.mineOnly} onChange={(event) => set({ mineOnly: event.target.checked })} /> {t('awaitingMe')}
        </label>
      )}
      <button type="button" className="secondary" onClick={onRefresh}>{t('refresh')}</button>
      {updating && <span className="muted">{t('updating')}</span>}
    </div>
  );
};
