import type { ApplicationView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';
import { StateSummary } from './StateSummary';

/** Who applied, where, in which category and programme version, and where the application stands. */
export const CaseHead = ({ view, programmeLabel }: { view: ApplicationView; programmeLabel: string }) => {
  const { t } = useI18n();
  const terms = useProgrammeTerms();
  return (
    <section className="card case-head">
      <div>
        <h3 data-testid="case-name">{view.applicant.fullName}</h3>
        <p className="muted small">
          {view.applicant.citizenId} · {view.ward} · {t('category')} {terms.category(view.programme, view.category)} · {programmeLabel}
        </p>
      </div>
      <StateSummary view={view} />
    </section>
  );
};
