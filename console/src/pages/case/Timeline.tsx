import { useState } from 'react';
import type { HistoryEvent } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ChainStatus } from './ChainStatus';
import type { ChainResult } from './hash-chain';
import { TimelineRow } from './TimelineRow';
import { TimeTravel } from './TimeTravel';

interface TimelineProps {
  id: string;
  events: HistoryEvent[];
  chain: ChainResult | null;
  programmeLabel: string;
  highlight: number[];
  canTravel: boolean;
}

/** Every event of the application, the hash chain's verdict, and for auditors its past states. */
export const Timeline = ({ id, events, chain, programmeLabel, highlight, canTravel }: TimelineProps) => {
  const { t } = useI18n();
  const [shownVersion, setShownVersion] = useState<number | null>(null);
  const brokenAt = chain?.state === 'broken' ? chain.version : null;
  return (
    <section className="card">
      <h3>{t('timeline')}</h3>
      <ChainStatus chain={chain} />
      {canTravel ? <TimeTravel id={id} maxVersion={events[events.length - 1]?.version ?? 1} onShown={setShownVersion} /> : <p className="muted small">{t('timeTravelRoles')}</p>}
      <table className="table timeline" data-testid="timeline">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('event')}</th>
            <th scope="col">{t('actor')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('ward')}</th>
            <th scope="col">{t('time')}</th>
            <th scope="col">{t('programmeVersion')}</th>
            <th scope="col">{t('hash')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <TimelineRow
              key={event.version}
              event={event}
              programmeLabel={programmeLabel}
              later={shownVersion !== null && event.version > shownVersion}
              highlighted={highlight.includes(event.position)}
              broken={brokenAt !== null && event.version >= brokenAt}
              verified={chain?.state === 'verified'}
              linkActor={canTravel}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
};
