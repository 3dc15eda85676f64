import { useEffect, useState, type ReactNode } from 'react';
import type { FieldError, Problem } from './api';
import { problemTitles, useI18n } from './i18n';

/** Hash routes (#/worklist, #/applications/<id>?highlight=…): no server fallback needed. */
export interface Route {
  path: string[];
  params: URLSearchParams;
}

const parseHash = (): Route => {
  const [path, search] = window.location.hash.replace(/^#\/?/, '').split('?');
  return { path: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(search ?? '') };
};

export const useRoute = (): Route => {
  const [route, setRoute] = useState(parseHash);
  useEffect(() => {
    const update = () => setRoute(parseHash());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
};

export const navigate = (to: string): void => {
  window.location.hash = to.startsWith('#') ? to : `#${to}`;
};

export const caseLink = (id: string, highlight?: readonly (string | number)[]): string =>
  `#/applications/${encodeURIComponent(id)}${highlight && highlight.length > 0 ? `?highlight=${highlight.join(',')}` : ''}`;

/** A refusal from the API: its title (in the console's language) and its detail, never a blank page. */
export const ProblemBox = ({ problem, unmatched }: { problem: Problem | null; unmatched?: FieldError[] }) => {
  const { t, lang } = useI18n();
  if (!problem) return null;
  const network = problem.status === 0;
  const title = network ? t('networkError') : lang === 'vi' ? (problemTitles[problem.code] ?? problem.title) : problem.title;
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

/** A form field with its label and the API's errors for it right beside it. */
export const Field = ({ label, name, errors, required, hint, wide, children }: { label: string; name: string; errors?: FieldError[]; required?: boolean; hint?: string; wide?: boolean; children: ReactNode }) => {
  const mine = (errors ?? []).filter((error) => error.field === name);
  return (
    <div className={`field${mine.length > 0 ? ' field-invalid' : ''}${wide ? ' field-wide' : ''}`} data-field={name}>
      <label>
        <span className="field-label">
          {label}
          {required && <span className="required" aria-hidden="true"> *</span>}
        </span>
        {children}
      </label>
      {hint && <span className="field-hint">{hint}</span>}
      {mine.map((error, index) => (
        <span key={index} className="field-error" role="alert" data-testid={`error-${name}`}>
          {error.message}
        </span>
      ))}
    </div>
  );
};

/** Errors the API gave for a whole object (`applicant`, `claim`) rather than one of its fields. */
export const FieldErrors = ({ name, errors }: { name: string; errors: FieldError[] }) => (
  <>
    {errors
      .filter((error) => error.field === name)
      .map((error, index) => (
        <p key={index} className="field-error" role="alert" data-testid={`error-${name}`}>
          {error.message}
        </p>
      ))}
  </>
);

export const Badge = ({ kind, children }: { kind: string; children: ReactNode }) => <span className={`badge badge-${kind}`}>{children}</span>;

export interface Bar {
  label: string;
  value: number;
  display?: string;
  kind?: string;
}

/** A horizontal bar chart in CSS, each bar with its number beside it. */
export const BarChart = ({ bars, testId }: { bars: Bar[]; testId?: string }) => {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <div className="bars" data-testid={testId}>
      {bars.map((bar) => (
        <div className="bar-row" key={bar.label}>
          <span className="bar-label">{bar.label}</span>
          <span className="bar-track">
            <span className={`bar bar-${bar.kind ?? 'default'}`} style={{ width: `${(bar.value / max) * 100}%` }} />
          </span>
          <span className="bar-value">{bar.display ?? bar.value}</span>
        </div>
      ))}
    </div>
  );
};

export const Loading = () => {
  const { t } = useI18n();
  return <p className="muted">{t('loading')}</p>;
};
