import type { ReactNode } from 'react';
import type { Alert, AlertResolution } from '../../api/types';
import { formatMoney, formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';
import { caseLink } from '../../routing/route';

type IdentityPair = NonNullable<NonNullable<Alert['details']>['pairs']>[number];

/** F20's pairs from its structured evidence, in the reader's language: which IDs, what agreed, the score. */
const IdentityPairs = ({ pairs, minScore, total }: { pairs: IdentityPair[]; minScore: number | undefined; total: number | undefined }) => {
  const { t, code } = useI18n();
  return (
    <ul className="plain" data-testid="identity-pairs">
      {pairs.map((pair) => (
        <li key={pair.applicationIds.join('-')}>
          {pair.citizenIds.map((id, index) => (
            <span key={id}>
              {index > 0 && ' ↔ '}
              <a href={caseLink(pair.applicationIds[index])}>{code('documentKinds', pair.documentKinds[index])} {id}</a>
            </span>
          ))}
          {': '}
          {t('warningMatched')} {pair.matched.map((evidence) => code('identityEvidence', evidence)).join(', ')} ({t('warningScore')} {pair.score}
          {minScore !== undefined && ` / ${minScore}`})
        </li>
      ))}
      {total !== undefined && total > pairs.length && <li data-testid="identity-pairs-more">{t('morePairs', { n: total - pairs.length, listed: pairs.length })}</li>}
    </ul>
  );
};

/** Legal basis, wards, when, the detector's reasons, the applications and events behind an alert, and its resolution. */
export const AlertFacts = ({ alert, resolution, applications }: { alert: Alert; resolution: AlertResolution | null; applications: ReactNode }) => {
  const { t, code } = useI18n();
  const terms = useProgrammeTerms();
  const reasons = alert.reasons;
  return (
    <dl className="facts">
      <dt>{t('legalBasis')}</dt>
      <dd data-testid="legal-basis">{terms.ruleLegalBasis(alert.rule) ?? alert.legalBasis}</dd>
      <dt>{t('ward')}</dt>
      <dd>{(alert.wards.length > 0 ? alert.wards : [alert.ward]).join(', ')}</dd>
      <dt>{t('raisedAt')}</dt>
      <dd>{formatTime(alert.raisedAt)}</dd>
      {alert.details?.kind === 'probable-same-person' && alert.details.pairs ? (
        <>
          <dt>{t('details')}</dt>
          <dd>
            <IdentityPairs pairs={alert.details.pairs} minScore={alert.details.minScore} total={alert.details.pairsTotal} />
          </dd>
        </>
      ) : (
        reasons.length > 0 && (
          <>
            <dt>{t('details')}</dt>
            <dd>
              <ul className="plain" data-testid="alert-reasons">{reasons.map((reason, index) => <li key={index}>{reason}</li>)}</ul>
            </dd>
          </>
        )
      )}
      <dt>{t('applications')}</dt>
      <dd>{applications}</dd>
      <dt>{t('events')}</dt>
      <dd className="events">
        {alert.evidence.map((position) =>
          alert.applicationIds.length === 1 ? (
            <a key={position} href={caseLink(alert.applicationIds[0], [position])} className="chip" aria-label={t('eventAt', { n: position })}>#{position}</a>
          ) : (
            <span key={position} className="chip">#{position}</span>
          ),
        )}
      </dd>
      {resolution && (
        <>
          <dt>{t('note')}</dt>
          <dd data-testid="resolution">
            {code('resolutions', resolution.outcome)}: {resolution.note}{' '}
            <span className="muted">
              ({resolution.resolvedBy}, {formatTime(resolution.resolvedAt)})
            </span>
            {resolution.recoveryOrdered.map((order) => (
              <div key={order.applicationId} className="small" data-testid="recovery-ordered">
                {t('orderRecovery')}: <a href={caseLink(order.applicationId)}>{order.applicationId.slice(0, 8)}…</a> {formatMoney(order.amount)}
              </div>
            ))}
          </dd>
        </>
      )}
    </dl>
  );
};
