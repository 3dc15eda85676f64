import { Fragment } from 'react';
import type { ApplicationSummary, CommandResult, OverdueItem } from '../../api/types';
import { ActionPanel } from '../../components/actions/ActionPanel';
import { Badge } from '../../components/Badge';
import { formatDate, formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';
import { caseLink } from '../../routing/route';
import type { Session } from '../../session/session';

interface WorklistRowProps {
  item: ApplicationSummary;
  late: OverdueItem | undefined;
  mine: boolean;
  open: boolean;
  onToggle: () => void;
  session: Session;
  onDone: (result: CommandResult) => void;
}

/** One application: who, category, status, awaited step, deadline, and the officer's action under it. */
export const WorklistRow = ({ item, late, mine, open, onToggle, session, onDone }: WorklistRowProps) => {
  const { t, code } = useI18n();
  const terms = useProgrammeTerms();
  return (
    <Fragment>
      <tr className={late?.dueOn ? 'row-overdue' : undefined} data-testid="worklist-row" data-id={item.id}>
        <td>
          <a href={caseLink(item.id)}>{item.fullName}</a>
        </td>
        <td className="small">{terms.category(item.programme, item.category)}</td>
        <td>
          <Badge kind={item.status}>{code('statuses', item.status)}</Badge>
        </td>
        <td>{terms.step(item.currentStep)}</td>
        <td title={late?.legalBasis ?? undefined}>
          {late?.dueOn ? (
            <Badge kind="overdue">
              {t('overdue')} · {formatDate(late.dueOn)}
              {late.workingDaysOverdue ? ` (+${late.workingDaysOverdue})` : ''}
            </Badge>
          ) : (
            '—'
          )}
        </td>
        <td className="small">{formatTime(item.submittedAt)}</td>
        <td>
          {mine && (
            <button type="button" onClick={onToggle} aria-expanded={open} data-testid="act">
              {t('act')}
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr className="row-action">
          <td colSpan={7}>
            <ActionPanel target={item} session={session} onDone={onDone} />
          </td>
        </tr>
      )}
    </Fragment>
  );
};
