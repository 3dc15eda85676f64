import { useCallback, useMemo, useState } from 'react';
import { toProblem } from '../../api/problem';
import type { ApplicationSummary, CommandResult } from '../../api/types';
import { waitForVersion } from '../../api/wait-for-version';
import { Loading } from '../../components/Loading';
import { Pager } from '../../components/Pager';
import { ProblemBox } from '../../components/ProblemBox';
import { useCursorPages } from '../../components/use-cursor-pages';
import { useI18n } from '../../i18n/i18n';
import { useProgrammes } from '../../i18n/programme-terms';
import { ANY_WARD_ROLES, hasRole, type Session } from '../../session/session';
import { CountChips } from './CountChips';
import { useWorklist } from './use-worklist';
import { statusCounts, stepsOn, worklistOrder } from './worklist-order';
import { WorklistTable } from './WorklistTable';
import { WorklistToolbar, type WorklistFilters } from './WorklistToolbar';

/** The ward's applications a page at a time, overdue ones first on each page, each with the officer's action. */
export const WorklistPage = ({ session }: { session: Session }) => {
  const { t, code } = useI18n();
  const programmes = useProgrammes();
  const anyWard = hasRole(session, ...ANY_WARD_ROLES);
  // Officers of a ward see theirs; roles that read every ward may leave it empty for all wards.
  const [filters, setFilters] = useState<WorklistFilters>({ ward: session.claims.ward ?? (anyWard ? '' : 'W01'), q: '', status: '', category: '', step: '', mineOnly: false });
  const pages = useCursorPages();
  const { items, answered, setItems, overdue, counts, problem, setProblem, load } = useWorklist({ ...filters, cursor: pages.cursor }, pages.setNextCursor);
  const [open, setOpen] = useState<string | null>(null);
  const [updating, setUpdating] = useState(false);
  const [done, setDone] = useState<{ name: string; result: CommandResult } | null>(null);

  const roleOf = useCallback(
    (item: ApplicationSummary) =>
      programmes.find((programme) => programme.id === item.programme)?.categories.find((category) => category.code === item.category)?.steps.find((step) => step.name === item.currentStep)?.role,
    [programmes],
  );
  const awaitsMe = useCallback((item: ApplicationSummary) => !!item.currentStep && session.claims.roles.includes(roleOf(item) ?? ''), [roleOf, session]);
  const rows = useMemo(
    () => (items ?? []).filter((item) => (!filters.step || item.currentStep === filters.step) && (!filters.mineOnly || awaitsMe(item))).sort(worklistOrder(overdue, awaitsMe)),
    [items, overdue, filters, awaitsMe],
  );
  const filter = (next: WorklistFilters) => {
    if (next.ward !== filters.ward || next.q !== filters.q || next.status !== filters.status || next.category !== filters.category) pages.reset();
    setFilters(next);
  };

  const acted = async (item: ApplicationSummary, result: CommandResult) => {
    setOpen(null);
    setDone({ name: item.fullName, result });
    setItems((current) => (current ?? []).map((row) => (row.id === item.id ? { ...row, status: result.status as ApplicationSummary['status'], version: result.version } : row)));
    setUpdating(true);
    try {
      await waitForVersion(item.id, result.version);
      await load();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setUpdating(false);
    }
  };

  const pager = <Pager page={pages.page} hasPrevious={pages.hasPrevious} hasNext={pages.hasNext} onPrevious={pages.previous} onNext={pages.next} testId="worklist-pager" />;
  return (
    <div>
      <h2>{filters.ward ? `${t('worklistTitle')} ${filters.ward}` : t('allWards')}</h2>
      <WorklistToolbar filters={filters} onChange={filter} anyWard={anyWard} steps={stepsOn(items ?? [])} mayAct={!hasRole(session, 'auditor', 'inspector')} onRefresh={() => void load()} updating={updating} />
      {counts && <CountChips caption={t('countsByStatus')} counts={statusCounts(counts)} selected={filters.status} label={(status) => code('statuses', status)} onSelect={(status) => filter({ ...filters, status })} />}
      <ProblemBox problem={problem} />
      {done && (
        <p className="ok" data-testid="action-done" role="status">
          {t('recorded')}: {done.name} — {code('statuses', done.result.status)}, {t('nowVersion')} {done.result.version}
        </p>
      )}
      {items === null ? (
        <Loading />
      ) : (
        <div data-testid="worklist-results" data-answered={answered ?? ''}>
          {rows.length === 0 ? (
            <p className="muted" data-testid="no-applications">{answered ? `${t('noSearchResults')} “${answered}”` : t('noApplications')}</p>
          ) : (
            <WorklistTable rows={rows} overdue={overdue} awaitsMe={awaitsMe} open={open} onToggle={(id) => setOpen(open === id ? null : id)} session={session} onDone={(item, result) => void acted(item, result)} />
          )}
        </div>
      )}
      {pager}
    </div>
  );
};
