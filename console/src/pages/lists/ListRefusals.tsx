import type { ListApplication } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

interface Refusal {
  applicationId?: string;
  code?: string;
  detail?: string;
}

/** A refused act (409): nothing was written; each application that stood in the way, by name, and why (in the API's words, in the reader's language). */
export const ListRefusals = ({ refusals, rows }: { refusals: Refusal[]; rows: ListApplication[] }) => {
  const { t } = useI18n();
  if (refusals.length === 0) return null;
  const name = (id?: string) => rows.find((row) => row.applicationId === id)?.fullName ?? id ?? '—';
  return (
    <div className="problem" role="alert" data-testid="list-refusals">
      <strong className="problem-title">{t('listRefused', { n: refusals.length })}</strong>
      <ul className="problem-errors">
        {refusals.map((refusal, index) => (
          <li key={index} data-testid="list-refusal">
            <b>{name(refusal.applicationId)}</b>: {refusal.detail}
          </li>
        ))}
      </ul>
    </div>
  );
};
