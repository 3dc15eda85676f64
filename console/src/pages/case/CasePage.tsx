import { useState } from 'react';
import { toProblem } from '../../api/problem';
import type { CommandResult } from '../../api/types';
import { waitForVersion } from '../../api/wait-for-version';
import { ActionPanel } from '../../components/actions/ActionPanel';
import { RecoveryPanel } from '../../components/actions/RecoveryPanel';
import { Loading } from '../../components/Loading';
import { ProblemBox } from '../../components/ProblemBox';
import { WarningsBox } from '../../components/WarningsBox';
import { useI18n } from '../../i18n/i18n';
import { hasRole, type Session } from '../../session/session';
import { CaseHead } from './CaseHead';
import { CaseLookup } from './CaseLookup';
import { Timeline } from './Timeline';
import { useCase } from './use-case';
import { WITHDRAWABLE, WithdrawPanel } from './WithdrawPanel';

/** One application: its state, the officer's action, and the verified timeline with its past states. */
export const CasePage = ({ id, highlight, session }: { id: string | null; highlight: number[]; session: Session }) => {
  const { t, code } = useI18n();
  const { view, events, chain, problem, setProblem, load } = useCase(id);
  const [updating, setUpdating] = useState(false);
  const [done, setDone] = useState<CommandResult | null>(null);

  if (!id) return <CaseLookup />;

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
  const onDone = (result: CommandResult) => void acted(result);
  const first = events?.[0]?.data;
  const programmeLabel = first ? `${String(first.programmeId ?? view?.programme ?? '')} v${String(first.programmeVersion ?? view?.programmeVersion ?? '?')}` : '—';

  return (
    <div>
      <h2>
        {t('caseTitle')} <code className="small">{id}</code>
      </h2>
      <ProblemBox problem={problem} />
      {!problem && !view && <Loading />}
      {view && <CaseHead view={view} programmeLabel={programmeLabel} />}
      {view && <WarningsBox warnings={view.warnings} programme={view.programme} />}
      {done && (
        <p className="ok" data-testid="action-done">
          {t('recorded')}: {code('statuses', done.status)}, {t('nowVersion')} {done.version}
        </p>
      )}
      {updating && <p className="muted">{t('updating')}</p>}
      {view && <ActionPanel target={view} session={session} onDone={onDone} />}
      {view && hasRole(session, 'inspector') && view.paidAmount > 0 && <RecoveryPanel view={view} onDone={onDone} />}
      {view && hasRole(session, 'intake-officer') && session.claims.ward === view.ward && WITHDRAWABLE.includes(view.status) && (
        <WithdrawPanel key={`${view.id}-${view.version}`} view={view} onDone={onDone} />
      )}
      {events && <Timeline key={id} id={id} events={events} chain={chain} programmeLabel={programmeLabel} highlight={highlight} canTravel={hasRole(session, 'auditor', 'inspector', 'admin')} />}
    </div>
  );
};
