import type { FieldError } from '../api/types';
import type { Problem } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { useFieldLabel } from './use-field-label';
import { useFieldMessages } from './use-field-message';

/**
 * A refusal from the API, titled in the console's language by its stable `code` (never the raw
 * code or status); the server's own explanation follows, marked as such.
 */
export const ProblemBox = ({ problem, unmatched }: { problem: Problem | null; unmatched?: FieldError[] }) => {
  const { t, code } = useI18n();
  const fieldLabel = useFieldLabel();
  const messages = useFieldMessages();
  if (!problem) return null;
  const network = problem.status === 0;
  const known = code('problems', problem.code);
  // A code this console does not know yet: the API's own title, already in the language asked
  // (Accept-Language); an answer that is not problem+json (a proxy's page) says only that it was unexpected.
  const serverTitle = problem.code.startsWith('http-') ? '' : problem.title;
  const title = network ? t('networkError') : known !== problem.code ? known : serverTitle || t('unexpected');
  const rest = unmatched ?? problem.errors ?? [];
  // With field errors the detail only lists them again, under the API's field paths.
  const detail = !network && (problem.errors ?? []).length === 0 ? problem.detail : '';
  return (
    <div className="problem" role="alert" data-testid="problem" data-code={problem.code} data-status={problem.status}>
      <strong className="problem-title" data-testid="problem-title">{title}</strong>
      {detail && (
        <p className="problem-detail" data-testid="problem-detail">
          <span className="muted">{t('serverSays')}: </span>
          {detail}
        </p>
      )}
      {rest.length > 0 && (
        <ul className="problem-errors">
          {rest.map((error, index) => (
            <li key={index}>
              <b>{fieldLabel(error.field)}</b>: {messages([error.message]).join('')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
