import type { FieldError } from '../api/types';
import type { Problem } from '../api/problem';
import { useI18n } from '../i18n/i18n';

/** A refusal from the API: its title (in the console's language) and its detail, never a blank page. */
export const ProblemBox = ({ problem, unmatched }: { problem: Problem | null; unmatched?: FieldError[] }) => {
  const { t, code, lang } = useI18n();
  if (!problem) return null;
  const network = problem.status === 0;
  const known = code('problems', problem.code);
  const title = network ? t('networkError') : known !== problem.code ? known : problem.title;
  const rest = unmatched ?? problem.errors ?? [];
  return (
    <div className="problem" role="alert" data-testid="problem">
      <div className="problem-title">
        <strong data-testid="problem-title">{title}</strong>
        {!network && <code className="problem-code">{problem.status} {problem.code}</code>}
      </div>
      {lang === 'vi' && !network && problem.title !== title && <div className="problem-api-title">{problem.title}</div>}
      {problem.detail && <p className="problem-detail" data-testid="problem-detail">{problem.detail}</p>}
      {rest.length > 0 && (
        <ul className="problem-errors">
          {rest.map((error, index) => (
            <li key={index}>
              <code>{error.field}</code>: {error.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
