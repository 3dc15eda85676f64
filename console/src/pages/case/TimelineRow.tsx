import type { HistoryEvent } from '../../api/types';
import { formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';
import { activityLink } from '../../routing/route';
import { eventSummary } from './event-summary';

interface TimelineRowProps {
  event: HistoryEvent;
  programmeLabel: string;
  /** Shown greyed: after the past state on display. */
  later: boolean;
  highlighted: boolean;
  broken: boolean;
  verified: boolean;
  /** Inspectors and auditors: the actor links to what that officer did that day. */
  linkActor: boolean;
}

/**
 * The officer who performed the step, as the event's data names it (`reviewedBy`, `paidBy`…);
 * events imported from an older system were recorded by the importer, not by that officer.
 */
const performerOf = (event: HistoryEvent): { by: string; at: string } => {
  const named = Object.keys(event.data).find((key) => key.endsWith('By') && typeof event.data[key] === 'string');
  const at = named ? event.data[named.replace(/By$/, 'At')] : undefined;
  return { by: named ? String(event.data[named]) : event.metadata.actorId, at: typeof at === 'string' ? at : event.recordedAt };
};

/** The day of an instant in Vietnam, YYYY-MM-DD. */
const vietnamDay = (iso: string): string => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);

/** One event: what it did, who (officer, role, ward), when, under which programme version, and its hash. */
export const TimelineRow = ({ event, programmeLabel, later, highlighted, broken, verified, linkActor }: TimelineRowProps) => {
  const { t, code } = useI18n();
  const terms = useProgrammeTerms();
  const performer = performerOf(event);
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
      <td>
        {linkActor ? (
          <a href={activityLink(performer.by, vietnamDay(performer.at), vietnamDay(performer.at))} data-testid="actor-activity">
            {performer.by}
          </a>
        ) : (
          performer.by
        )}
        {performer.by !== event.metadata.actorId && <div className="small muted">{t('recordedBy', { actor: event.metadata.actorId })}</div>}
      </td>
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
