import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  get,
  newIdempotencyKey,
  post,
  query,
  toProblem,
  waitForVersion,
  type ApplicationView,
  type CommandResult,
  type HistoryEvent,
  type Problem,
} from '../api';
import { Badge, Field, Loading, ProblemBox, navigate } from '../components';
import { verifyChain, type ChainResult } from '../hash-chain';
import { formatMoney, formatTime, useI18n } from '../i18n';
import { hasRole, type Session } from '../session';
import { ActionPanel } from './ActionPanel';

interface StateAt {
  asOf: string | null;
  atVersion: number;
  state: ApplicationView;
}

/** What an event did, in a few words: its step, outcome, amount or reference. */
const eventSummary = (event: HistoryEvent, term: (code: string) => string): string => {
  const data = event.data;
  const parts: string[] = [];
  if (typeof data.step === 'string') parts.push(term(data.step));
  if (typeof data.amount === 'number') parts.push(formatMoney(data.amount));
  if (typeof data.approvedAmount === 'number') parts.push(formatMoney(data.approvedAmount));
  for (const key of ['decisionNo', 'reference', 'minutesRef', 'place', 'reason']) if (typeof data[key] === 'string') parts.push(String(data[key]));
  if (typeof data.postedFrom === 'string') parts.push(`${data.postedFrom} → ${data.postedUntil}`);
  return parts.join(' · ');
};

const StateSummary = ({ view }: { view: ApplicationView }) => {
  const { t, term } = useI18n();
  return (
    <dl className="facts">
      <dt>{t('status')}</dt>
      <dd><Badge kind={view.status}>{term(view.status)}</Badge></dd>
      <dt>{t('currentStep')}</dt>
      <dd>{term(view.currentStep)}</dd>
      <dt>{t('claimedAmount')}</dt>
      <dd>{formatMoney(view.claimedAmount)}</dd>
      <dt>{t('approvedAmount')}</dt>
      <dd>{formatMoney(view.approvedAmount)}</dd>
      <dt>{t('paidAmount')}</dt>
      <dd>{formatMoney(view.paidAmount)}</dd>
      {!!view.recoveryOrderedAmount && (
        <>
          <dt>{t('recoveryOrderedAmount')}</dt>
          <dd>{formatMoney(view.recoveryOrderedAmount)}</dd>
        </>
      )}
      {!!view.recoveredAmount && (
        <>
          <dt>{t('recoveredAmount')}</dt>
          <dd>{formatMoney(view.recoveredAmount)}</dd>
        </>
      )}
      {view.approvedMonths && (
        <>
          <dt>{t('approvedMonths')}</dt>
          <dd>{view.approvedMonths.join(', ')}</dd>
        </>
      )}
      <dt>{t('version')}</dt>
      <dd>{view.version}</dd>
    </dl>
  );
};

/**
 * A one-command form: its problem, whether it is sending, and a submit handler that sends with
 * the form's own Idempotency-Key (a double click records once) and reports the result.
 */
const useCommandForm = (onDone: (result: CommandResult) => void) => {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const send = (command: (idempotencyKey: string) => Promise<CommandResult>) => async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      onDone(await command(key));
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  return { problem, busy, send };
};

/** Inspectors order (thu hồi) or record the recovery of a payment. */
export const RecoveryPanel = ({ view, onDone }: { view: ApplicationView; onDone: (result: CommandResult) => void }) => {
  const { t } = useI18n();
  const ordered = view.recoveryOrderedAmount ?? 0;
  const action = ordered > (view.recoveredAmount ?? 0) ? 'recovered' : 'ordered';
  const amount = action === 'ordered' ? view.paidAmount - ordered : ordered - (view.recoveredAmount ?? 0);
  const [reason, setReason] = useState('');
  const { problem, busy, send } = useCommandForm(onDone);
  if (amount <= 0) return null;
  const submit = send((key) => post<CommandResult>(`/applications/${view.id}/recovery`, { action, amount, reason }, { ifMatch: view.version, idempotencyKey: key }));
  return (
    <form className="action-panel" onSubmit={submit} data-testid="recovery-panel">
      <h3>{t('orderRecovery')}: {formatMoney(amount)}</h3>
      <Field label={t('reason')} name="reason" errors={problem?.errors} required>
        <input name="reason" value={reason} onChange={(event) => setReason(event.target.value)} />
      </Field>
      <ProblemBox problem={problem} unmatched={(problem?.errors ?? []).filter((error) => error.field !== 'reason')} />
      <button type="submit" disabled={busy}>{action === 'ordered' ? t('orderRecovery') : t('recoveredAmount')}</button>
    </form>
  );
};

/** Statuses the programme lets an applicant withdraw from (the domain decides; this only hides the form elsewhere). */
const WITHDRAWABLE = ['submitted', 'in-progress', 'approved'];

/** The ward's intake officer records the applicant's withdrawal, with its reason. */
export const WithdrawPanel = ({ view, onDone }: { view: ApplicationView; onDone: (result: CommandResult) => void }) => {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const { problem, busy, send } = useCommandForm(onDone);
  const submit = send((key) => post<CommandResult>(`/applications/${view.id}/withdrawal`, { reason }, { ifMatch: view.version, idempotencyKey: key }));
  return (
    <form className="action-panel" onSubmit={submit} data-testid="withdraw-panel">
      <h3>{t('withdraw')}</h3>
      <Field label={t('reason')} name="reason" errors={problem?.errors}>
        <input name="reason" value={reason} onChange={(event) => setReason(event.target.value)} />
      </Field>
      <ProblemBox problem={problem} unmatched={(problem?.errors ?? []).filter((error) => error.field !== 'reason')} />
      <button type="submit" disabled={busy} data-testid="withdraw">{t('withdraw')}</button>
    </form>
  );
};

/** One application: its state, the officer's action, and for auditors the verified timeline and its past states. */
export const CasePage = ({ id, highlight, session }: { id: string | null; highlight: number[]; session: Session }) => {
  const { t, term } = useI18n();
  const [lookup, setLookup] = useState('');
  const [view, setView] = useState<ApplicationView | null>(null);
  const [events, setEvents] = useState<HistoryEvent[] | null>(null);
  const [chain, setChain] = useState<ChainResult | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [asOf, setAsOf] = useState('');
  const [past, setPast] = useState<StateAt | null>(null);
  const [pastProblem, setPastProblem] = useState<Problem | null>(null);
  const [updating, setUpdating] = useState(false);
  const [done, setDone] = useState<CommandResult | null>(null);
  const canTravel = hasRole(session, 'auditor', 'inspector', 'admin');

  const load = useCallback(async () => {
    if (!id) return;
    setProblem(null);
    try {
      // Just after intake the read model may not have it yet; the log (history) always does.
      const history = await get<{ events: HistoryEvent[] }>(`/applications/${encodeURIComponent(id)}/history`);
      setEvents(history.events);
      setChain(null);
      void verifyChain(history.events).then(setChain);
      const last = history.events[history.events.length - 1]?.version ?? 1;
      setView((await waitForVersion(id, last, 5000)) ?? (await get<ApplicationView>(`/applications/${encodeURIComponent(id)}`)));
    } catch (error) {
      setProblem(toProblem(error));
    }
  }, [id]);

  useEffect(() => {
    setView(null);
    setEvents(null);
    setPast(null);
    setSelected(null);
    void load();
  }, [load]);

  const travel = async (at: { version?: number; asOf?: string }) => {
    if (!id) return;
    setPastProblem(null);
    try {
      setPast(await get<StateAt>(`/applications/${encodeURIComponent(id)}/state${query(at)}`));
    } catch (error) {
      setPast(null);
      setPastProblem(toProblem(error));
    }
  };

  const acted = async (result: CommandResult) => {
    setDone(result);
    setUpdating(true);
    try {
      await waitForVersion(result.id, result.version);
      await load();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setUpdating(false);
    }
  };

  if (!id) {
    return (
      <form
        className="card"
        onSubmit={(event) => {
          event.preventDefault();
          if (lookup.trim()) navigate(`/applications/${encodeURIComponent(lookup.trim())}`);
        }}
      >
        <h2>{t('navCase')}</h2>
        <Field label={t('caseLookup')} name="id">
          <input name="id" value={lookup} onChange={(event) => setLookup(event.target.value)} size={40} />
        </Field>
        <button type="submit">{t('open')}</button>
      </form>
    );
  }

  const programmeLabel = events?.[0] ? `${String(events[0].data.programmeId ?? view?.programme ?? '')} v${String(events[0].data.programmeVersion ?? view?.programmeVersion ?? '?')}` : '—';
  const brokenAt = chain?.state === 'broken' ? chain.version : null;
  const maxVersion = events?.[events.length - 1]?.version ?? 1;
  const shownVersion = past?.atVersion ?? null;

  return (
    <div>
      <h2>
        {t('caseTitle')} <code className="small">{id}</code>
      </h2>
      <ProblemBox problem={problem} />
      {!problem && !view && <Loading />}
      {view && (
        <section className="card case-head">
          <div>
            <h3 data-testid="case-name">{view.applicant.fullName}</h3>
            <p className="muted small">
              {view.applicant.citizenId} · {view.ward} · {t('category')} {view.category} · {programmeLabel}
            </p>
          </div>
          <StateSummary view={view} />
        </section>
      )}
      {done && (
        <p className="ok" data-testid="action-done">
          {t('recorded')}: {term(done.status)}, {t('nowVersion')} {done.version}
        </p>
      )}
      {updating && <p className="muted">{t('updating')}</p>}
      {view && <ActionPanel target={view} session={session} onDone={(result) => void acted(result)} />}
      {view && hasRole(session, 'inspector') && view.paidAmount > 0 && <RecoveryPanel view={view} onDone={(result) => void acted(result)} />}
      {view && hasRole(session, 'intake-officer') && session.claims.ward === view.ward && WITHDRAWABLE.includes(view.status) && (
        <WithdrawPanel key={`${view.id}-${view.version}`} view={view} onDone={(result) => void acted(result)} />
      )}
      {events && (
        <section className="card">
          <h3>{t('timeline')}</h3>
          <div className={`chain chain-${chain?.state ?? 'checking'}`} data-testid="chain-status" data-state={chain?.state ?? 'checking'}>
            {chain === null && t('chainChecking')}
            {chain?.state === 'verified' && <>✔ {t('chainVerified')} ({chain.events})</>}
            {chain?.state === 'broken' && (
              <>
                ✘ {t('chainBroken')}: {t('version')} {chain.version} ({chain.reason})
              </>
            )}
            {chain?.state === 'unavailable' && <>? {t('chainUnavailable')} ({chain.reason})</>}
          </div>
          {canTravel ? (
            <div className="time-travel" data-testid="time-travel">
              <label>
                {t('atVersion')}{' '}
                <input
                  type="range"
                  name="version"
                  min={1}
                  max={maxVersion}
                  value={selected ?? maxVersion}
                  onChange={(event) => {
                    const version = Number(event.target.value);
                    setSelected(version);
                    void travel({ version });
                  }}
                />{' '}
                <b data-testid="selected-version">{selected ?? maxVersion}</b> / {maxVersion}
              </label>
              <label>
                {t('asOfTime')}{' '}
                <input
                  type="datetime-local"
                  name="asOf"
                  step={1}
                  value={asOf}
                  onChange={(event) => {
                    setAsOf(event.target.value);
                    if (event.target.value) {
                      const seconds = event.target.value.length === 16 ? ':00' : '';
                      void travel({ asOf: new Date(`${event.target.value}${seconds}+07:00`).toISOString() });
                    }
                  }}
                />
              </label>
              <ProblemBox problem={pastProblem} />
              {past && (
                <div className="past-state" data-testid="past-state">
                  <h4>
                    {t('stateThen')} ({t('version')} {past.atVersion}
                    {past.asOf ? `, ${formatTime(past.asOf)}` : ''})
                  </h4>
                  <StateSummary view={past.state} />
                </div>
              )}
            </div>
          ) : (
            <p className="muted small">{t('timeTravelRoles')}</p>
          )}
          <table className="table timeline" data-testid="timeline">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('event')}</th>
                <th>{t('actor')}</th>
                <th>{t('role')}</th>
                <th>{t('ward')}</th>
                <th>{t('time')}</th>
                <th>{t('programmeVersion')}</th>
                <th>{t('hash')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => {
                const classes = [
                  shownVersion !== null && event.version > shownVersion ? 'after-selection' : '',
                  highlight.includes(event.position) ? 'highlight' : '',
                  brokenAt !== null && event.version >= brokenAt ? 'row-broken' : '',
                ].filter(Boolean);
                return (
                  <tr key={event.version} className={classes.join(' ') || undefined} data-testid="timeline-event" data-type={event.type} data-position={event.position}>
                    <td>{event.version}</td>
                    <td>
                      <b>{term(event.type)}</b>
                      <div className="small muted">{eventSummary(event, term)}</div>
                      <details>
                        <summary className="small">{t('details')}</summary>
                        <pre>{JSON.stringify({ position: event.position, type: event.type, data: event.data, metadata: event.metadata }, null, 2)}</pre>
                      </details>
                    </td>
                    <td>{event.metadata.actorId}</td>
                    <td>{term(event.metadata.role)}</td>
                    <td>{event.metadata.ward ?? '—'}</td>
                    <td className="small">{formatTime(event.recordedAt)}</td>
                    <td className="small">{programmeLabel}</td>
                    <td>
                      <code className="small" title={event.hash}>
                        {chain?.state === 'verified' ? '✔ ' : brokenAt !== null && event.version >= brokenAt ? '✘ ' : ''}
                        {event.hash.slice(0, 12)}…
                      </code>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
};
