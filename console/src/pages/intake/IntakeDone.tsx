import type { CommandResult } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { caseLink } from '../../routing/route';

/** The submitted application, with a way to the next one. */
export const IntakeDone = ({ created, onAnother }: { created: CommandResult; onAnother: () => void }) => {
  const { t, code } = useI18n();
  return (
    <div className="card" data-testid="intake-done">
      <h2>{t('submitted')}</h2>
      <p>
        <a href={caseLink(created.id)} data-testid="created-link">{created.id}</a> — {code('statuses', created.status)}, {t('nowVersion')} {created.version}
      </p>
      <button type="button" onClick={onAnother}>{t('navIntake')}</button>
    </div>
  );
};
