import type { ApplicationWarning } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useProgrammeTerms } from '../i18n/programme-terms';
import { caseLink } from '../routing/route';

/**
 * The legal issues intake cannot refuse but the officer must see on the day: the person already
 * holds or asked for support, or is probably the same person under another ID (a CMND and a
 * CCCD). Rendered from the warning's fields in the reader's language, each linked to the other
 * application where the officer may open it.
 */
export const WarningsBox = ({ warnings, programme }: { warnings: readonly ApplicationWarning[] | undefined; programme: string }) => {
  const { t, code } = useI18n();
  const terms = useProgrammeTerms();
  if (!warnings || warnings.length === 0) return null;
  return (
    <section className="warnings" aria-labelledby="warnings-title" data-testid="warnings">
      <h3 id="warnings-title">{t('warningsTitle')}</h3>
      <ul>
        {warnings.map((warning, index) => (
          <li key={`${warning.code}-${warning.applicationId ?? index}`} data-testid={`warning-${warning.code}`}>
            <strong>{code('warningCodes', warning.code)}</strong>
            {': '}
            {terms.category(programme, warning.category)} · {warning.ward} · {code('statuses', warning.status)}
            {warning.matched && warning.matched.length > 0 && (
              <>
                {' · '}
                {t('warningMatched')} {warning.matched.map((evidence) => code('identityEvidence', evidence)).join(', ')}
                {warning.score !== undefined && ` (${t('warningScore')} ${warning.score})`}
              </>
            )}
            {' · '}
            {warning.applicationId ? (
              <a href={caseLink(warning.applicationId)} data-testid="warning-link" data-id={warning.applicationId}>{t('warningOtherApplication')}</a>
            ) : (
              <span className="muted">{t('warningOtherWard')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
};
