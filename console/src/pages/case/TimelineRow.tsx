import type { HistoryEvent } from '../../api/types';
import { formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';
import { eventSummary } from './event-summary';

interface TimelineRowProps {
  event: HistoryEvent;
  programmeLabel: string;
  /** Shown greyed: after the past state on display. */
  later: boolean;
  highlighted: boolean;
  broken: boolean;
  verified: boolean;
}

/** One event: what it did, who (officer, role, ward), when, under which programme version, and its hash. */
export const TimelineRow = ({ event, programmeLabel, later, highlighted, broken, verified }: TimelineRowProps) => {
  const { t, code } = useI18n();
  const terms = useProgrammeTerms();
  const classes = [later ? 'after-selection' : '', highlighted ? 'highlight' : '', broken ? 'row-broken' : ''].filter(Boolean).join(' ');
  return (
    <tr className={classes || undefined} data-testid="timeline-event" data-type={event.type} data-position={event.position}>
      <td>{event.version}</td>
      <td>
        <b>{code('eventTypes', event.type)}</b>
        <div className="small muted">{eventSummary(event, terms.step)}</div>
        <details>
          <summary className="small">{t('details')}</summary>
          <pre>{JSON.stringify({ position: event.position, type: event.type, data: event.data, metadata: event.metadata }, null, 2)}</pre>
        </details>
      </td>
      <td>{event.metadata.actorId}</td>
      <td>{code('roles', event.metadata.role)}</td>
      <td>{event.metadata.ward ?? '—'}</td>
      <td className="small">{formatTime(event.recordedAt)}</td>
      <td className="small">{programmeLabel}</td>
      <td>
        <code className="small" title={event.hash}>
          {verified ? '✔ ' : broken ? '✘ ' : ''}
          {event.hash.slice(0, 12)}…
        </code>
      </td>
    </tr>
  );
};
