import { useI18n } from '../i18n/i18n';

interface PagerProps {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  testId?: string;
}

/** Previous and next page of a cursor-paged list, and which page this is. */
export const Pager = ({ page, hasPrevious, hasNext, onPrevious, onNext, testId }: PagerProps) => {
  const { t } = useI18n();
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pager" aria-label={t('pages')} data-testid={testId}>
      <button type="button" className="secondary" disabled={!hasPrevious} onClick={onPrevious} data-testid="page-previous">
        ‹ {t('previousPage')}
      </button>
      <span data-testid="page-number">{t('pageNumber', { n: page })}</span>
      <button type="button" className="secondary" disabled={!hasNext} onClick={onNext} data-testid="page-next">
        {t('nextPage')} ›
      </button>
    </nav>
  );
};
