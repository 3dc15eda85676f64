import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';

export interface AlertFilterValues {
  ward: string;
  rule: string;
  severity: string;
  status: string;
}

/** Ward, rule (with its title), severity and status; the CSV of what they select. */
export const AlertFilters = ({ filters, onChange, onRefresh, onCsv }: { filters: AlertFilterValues; onChange: (filters: AlertFilterValues) => void; onRefresh: () => void; onCsv: () => void }) => {
  const { t, code } = useI18n();
  const terms = useProgrammeTerms();
  const set = (name: keyof AlertFilterValues) => (event: { target: { value: string } }) => onChange({ ...filters, [name]: event.target.value });
  return (
    <div className="toolbar" data-testid="alert-filters">
      <label>
        {t('ward')} <input name="ward" value={filters.ward} onChange={set('ward')} size={6} />
      </label>
      <label>
        {t('rule')}{' '}
        <select name="rule" value={filters.rule} onChange={set('rule')}>
          <option value="">{t('all')}</option>
          {terms.rules.map((rule) => <option key={rule.id} value={rule.id}>{rule.id}. {terms.rule(rule.id)}</option>)}
        </select>
      </label>
      <label>
        {t('severity')}{' '}
        <select name="severity" value={filters.severity} onChange={set('severity')}>
          <option value="">{t('all')}</option>
          {(['high', 'medium', 'low'] as const).map((severity) => <option key={severity} value={severity}>{code('severities', severity)}</option>)}
        </select>
      </label>
      <label>
        {t('status')}{' '}
        <select name="status" value={filters.status} onChange={set('status')}>
          <option value="">{t('all')}</option>
          {(['open', 'confirmed', 'dismissed', 'cleared'] as const).map((status) => <option key={status} value={status}>{code('alertStatuses', status)}</option>)}
        </select>
      </label>
      <button type="button" className="secondary" onClick={onRefresh}>{t('refresh')}</button>{' '}
      <button type="button" className="secondary" data-testid="alerts-csv" onClick={onCsv}>
        {t('downloadCsv')}
      </button>
    </div>
  );
};
