import { useCallback, useMemo, useState } from 'react';
import { toProblem } from '../../api/problem';
import type { ApplicationSummary, CommandResult } from '../../api/types';
import { waitForVersion } from '../../api/wait-for-version';
import { Loading } from '../../components/Loading';
import { ProblemBox } from '../../components/ProblemBox';
import { useI18n } from '../../i18n/i18n';
import { useProgrammes, useProgrammeTerms } from '../../i18n/programme-terms';
import { ANY_WARD_ROLES, hasRole, type Session } from '../../session/session';
import { CountChips } from './CountChips';
import { useWorklist } from './use-worklist';
import { countBy, worklistOrder } from './worklist-order';
import { WorklistRow } from './WorklistRow';
import { WorklistToolbar, type WorklistFilters } from './WorklistToolbar';

/** The ward's applications by status and step, overdue ones first, each with the officer's action. */
export const WorklistPage = ({ session }: { session: Session }) => {
  const { t, code } = useI18n();
  const terms = useProgrammeTerms();
  const programmes = useProgrammes();
  const anyWard = hasRole(session, ...ANY_WARD_ROLES);
  // Officers of a ward see theirs; roles that read every ward may leave it empty for all wards.
  const [filters, setFilters] = useState<WorklistFilters>({ ward: session.claims.ward ?? (anyWard ? '' : 'W01'), status: '', step: '', mineOnly: false });
  const { items, setItems, overdue, problem, setProblem, load } = useWorklist(filters.ward, filters.status);
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

  return (
    <div>
      <h2>{filters.ward ? `${t('worklistTitle')} ${filters.ward}` : t('allWards')}</h2>
      <WorklistToolbar filters={filters} onChange={setFilters} anyWard={anyWard} steps={countBy(items ?? [], 'currentStep').map(([step]) => step)} onRefresh={() => void load()} updating={updating} />
      <ProblemBox problem={problem} />
      {done && (
        <p className="ok" data-testid="action-done">
          {t('recorded')}: {done.name} — {code('statuses', done.result.status)}, {t('nowVersion')} {done.result.version}
        </p>
      )}
      {items === null ? (
        <Loading />
      ) : (
        <>
          <CountChips caption={t('countsByStatus')} counts={countBy(items, 'status')} selected={filters.status} label={(status) => code('statuses', status)} onSelect={(status) => setFilters({ ...filters, status })} />
          <CountChips caption={t('countsByStep')} counts={countBy(items, 'currentStep')} selected={filters.step} label={terms.step} onSelect={(step) => setFilters({ ...filters, step })} />
          {rows.length === 0 ? (
            <p className="muted">{t('noApplications')}</p>
          ) : (
            <table className="table" data-testid="worklist">
              <thead>
                <tr>
                  <th>{t('applicant')}</th>
                  <th>{t('category')}</th>
                  <th>{t('status')}</th>
                  <th>{t('currentStep')}</th>
                  <th>{t('dueOn')}</th>
                  <th>{t('submittedAt')}</th>
                  <th />
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
                    onToggle={() => setOpen(open === item.id ? null : item.id)}
                    session={session}
                    onDone={(result) => void acted(item, result)}
                  />
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
};
