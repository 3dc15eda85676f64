import { useEffect, useRef } from 'react';
import type { SubmitResult } from '../../api/types';
import { WarningsBox } from '../../components/WarningsBox';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';
import { caseLink } from '../../routing/route';

export interface Submitted {
  result: SubmitResult;
  fullName: string;
  citizenId: string;
  programme: string;
  category: string;
}

/** Who was taken in, under which category, the way to the case, and to the next intake. */
export const IntakeDone = ({ created, onAnother }: { created: Submitted; onAnother: () => void }) => {
  const { t, code } = useI18n();
  const terms = useProgrammeTerms();
  const heading = useRef<HTMLHeadingElement>(null);
  // Announced and focused: the form the officer was in has gone.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="card" data-testid="intake-done" role="status">
      <h2 ref={heading} tabIndex={-1} data-testid="intake-done-title">{t('submittedFor', { name: created.fullName })}</h2>
      <dl className="facts">
        <dt>{t('citizenId')}</dt>
        <dd>{created.citizenId}</dd>
        <dt>{t('category')}</dt>
        <dd>{terms.category(created.programme, created.category)}</dd>
        <dt>{t('status')}</dt>
        <dd>{code('statuses', created.result.status)}</dd>
      </dl>
      <WarningsBox warnings={created.result.warnings} programme={created.programme} />
      <p className="buttons">
        <a className="button" href={caseLink(created.result.id)} data-testid="created-link" data-id={created.result.id}>
          {t('openCaseOf', { name: created.fullName })}
        </a>
        <button type="button" className="secondary" onClick={onAnother} data-testid="intake-another">{t('intakeAnother')}</button>
      </p>
    </div>
  );
};
