import { useState } from 'react';
import type { Alert } from '../../api/types';
import { Badge } from '../../components/Badge';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';
import { hasRole, type Session } from '../../session/session';
import { AlertApplications } from './AlertApplications';
import { AlertFacts } from './AlertFacts';
import { ResolveAlertForm } from './ResolveAlertForm';
import { useAlertApplications } from './use-alert-applications';
import { useAlertResolution } from './use-alert-resolution';

/** One alert: rule, legal basis, the applications and events behind it, its resolution. */
export const AlertCard = ({ alert, session }: { alert: Alert; session: Session }) => {
  const { code } = useI18n();
  const terms = useProgrammeTerms();
  const [resolved, setResolved] = useState<string | null>(null);
  const inspector = hasRole(session, 'inspector');
  const status = resolved ?? alert.status;
  const resolution = useAlertResolution(alert, status);
  const { views, reload } = useAlertApplications(alert.applicationIds);
  // A rule the programme does not list is taken to be about money: the inspector still decides.
  const recoverable = terms.rules.find((rule) => rule.id === alert.rule)?.recoverable ?? true;
  // The programme's words in the reader's language; before the definitions load, the API's (already in the language asked).
  const title = terms.rule(alert.rule) !== alert.rule ? terms.rule(alert.rule) : alert.title;
  return (
    <article className={`card alert alert-${alert.severity}`} data-testid="alert" data-id={alert.id} data-rule={alert.rule} data-raised-at={alert.raisedAt} aria-labelledby={`alert-${alert.id}`}>
      <header className="alert-head">
        <h3 id={`alert-${alert.id}`}>
          <b>{alert.rule}</b> <span>{title}</span>
        </h3>
        <Badge kind={`severity-${alert.severity}`}>{code('severities', alert.severity)}</Badge>
        <Badge kind={`alert-${status}`}>
          <span data-testid="alert-status">{code('alertStatuses', status)}</span>
        </Badge>
      </header>
      <AlertFacts
        alert={alert}
        resolution={resolution}
        applications={<AlertApplications alert={alert} views={views} resolution={resolution} mayRecover={inspector && status === 'confirmed' && recoverable} onRecovered={() => void reload()} />}
      />
      {inspector && status === 'open' && (
        <ResolveAlertForm
          alert={alert}
          recoverable={recoverable}
          views={views}
          onResolved={(outcome) => {
            setResolved(outcome);
            void reload();
          }}
        />
      )}
    </article>
  );
};
