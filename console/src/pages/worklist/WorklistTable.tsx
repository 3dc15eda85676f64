import type { ApplicationSummary, CommandResult, OverdueItem } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { Session } from '../../session/session';
import { WorklistRow } from './WorklistRow';

interface WorklistTableProps {
  rows: ApplicationSummary[];
  overdue: ReadonlyMap<string, OverdueItem>;
  awaitsMe: (item: ApplicationSummary) => boolean;
  open: string | null;
  onToggle: (id: string) => void;
  session: Session;
  onDone: (item: ApplicationSummary, result: CommandResult) => void;
}

export const WorklistTable = ({ rows, overdue, awaitsMe, open, onToggle, session, onDone }: WorklistTableProps) => {
  const { t } = useI18n();
  return (
    <table className="table" data-testid="worklist">
      <thead>
        <tr>
          <th scope="col">{t('applicant')}</th>
          <th scope="col">{t('category')}</th>
          <th scope="col">{t('status')}</th>
          <th scope="col">{t('currentStep')}</th>
          <th scope="col">{t('dueOn')}</th>
          <th scope="col">{t('submittedAt')}</th>
          <th scope="col"><span className="sr-only">{t('actionTitle')}</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((item) => (
          <WorklistRow
            key={item.id}
            item={item}
            late={overdue.get(item.id)}
            mine={awaitsMe(item)}
            open={open === item.id}
            onToggle={() => onToggle(item.id)}
            session={session}
            onDone={(result) => onDone(item, result)}
          />
        ))}
      </tbody>
    </table>
  );
};
