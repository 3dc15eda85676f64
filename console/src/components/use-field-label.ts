import { useI18n, type MessageKey } from '../i18n/i18n';
import { vi } from '../i18n/vi';
import { useProgrammeTerms } from '../i18n/programme-terms';

/** A field the API names in an error (`applicant.citizenId`, `claim.jobLostOn`, `reason`) as its label. */
export const useFieldLabel = (): ((field: string) => string) => {
  const { t } = useI18n();
  const terms = useProgrammeTerms();
  return (field) => {
    const name = field.replace(/^(applicant|claim)\./, '');
    if (field.startsWith('claim.') && name !== 'months') return terms.field(name);
    if (name in vi && typeof vi[name as keyof typeof vi] === 'string') return t(name as MessageKey);
    return terms.field(name);
  };
};
