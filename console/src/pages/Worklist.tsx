import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { get, getProgramme, query, toProblem, waitForVersion, type ApplicationSummary, type CommandResult, type Problem, type Programme } from '../api';
import { Badge, Loading, ProblemBox, caseLink } from '../components';
import { categoryTitle, formatDate, formatTime, useI18n } from '../i18n';
import { ANY_WARD_ROLES, hasRole, type Session } from '../session';
import { ActionPanel } from './ActionPanel';

/** GET /overdue-steps items: open applications past the legal time limit of the step they await. */
interface OverdueItem {
  applicationId: string;
  awaitedStep: string;
  dueOn: string | null;
  workingDaysOverdue: number | null;
  legalBasis: string | null;
}

const MAX_PAGES = 5;

/** The ward's applications by status and step, overdue ones first, each with the officer's action. */
export const Worklist = ({ session }: { session: Session }) => {
  const { t, term, lang } = useI18n();
  const anyWard = hasRole(session, ...ANY_WARD_ROLES);
  // Officers of a ward see theirs; roles that read every ward may leave it empty for all wards.
  const [ward, setWard] = useState(session.claims.ward ?? (anyWard ? '' : 'W01'));
  const [wardInput, setWardInput] = useState(ward);
  const [status, setStatus] = useState('');
  const [stepFilter, setStepFilter] = useState('');
  const [mineOnly, setMineOnly] = useState(false);
  const [items, setItems] = useState<ApplicationSummary[] | null>(null);
  const [overdue, setOverdue] = useState<Map<string, OverdueItem>>(new Map());
  const [programmes, setProgrammes] = useState<Map<string, Programme>>(new Map());
  const [problem, setProblem] = useState<Problem | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [updating, setUpdating] = useState(false);
  const [done, setDone] = useState<{ name: string; result: CommandResult } | null>(null);

  const load = useCallback(async () => {
    setProblem(null);
    try {
      const all: ApplicationSummary[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const answer: { items: ApplicationSummary[]; nextCursor: string | null } = await get(`/applications${query({ ward, status, limit: 200, cursor })}`);
        all.push(...answer.items);
        cursor = answer.nextCursor;
        if (!cursor) break;
      }
      setItems(all);
      const late: OverdueItem[] = [];
      let lateCursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const answer: { items: OverdueItem[]; nextCursor: string | null } = await get(`/overdue-steps${query({ ward, limit: 200, cursor: lateCursor })}`);
        late.push(...answer.items);
        lateCursor = answer.nextCursor;
        if (!lateCursor) break;
      }
      setOverdue(new Map(late.map((item) => [item.applicationId, item])));
      const ids = [...new Set(all.map((item) => item.programme))];
      const loaded = await Promise.all(ids.map((id) => getProgramme(id).catch(() => null)));
      setProgrammes(new Map(loaded.filter((programme): programme is Programme => !!programme).map((programme) => [programme.id, programme])));
    } catch (error) {
      setItems([]);
      setProblem(toProblem(error));
    }
  }, [ward, status]);

  useEffect(() => {
    setItems(null);
    void load();
  }, [load]);

  const roleOf = useCallback(
    (item: ApplicationSummary) => programmes.get(item.programme)?.categories.find((category) => category.code === item.category)?.steps.find((step) => step.name === item.currentStep)?.role,
    [programmes],
  );
  const awaitsMe = useCallback((item: ApplicationSummary) => !!item.currentStep && session.claims.roles.includes(roleOf(item) ?? ''), [roleOf, session]);

  const rows = useMemo(() => {
    const filtered = (items ?? []).filter((item) => (!stepFilter || item.currentStep === stepFilter) && (!mineOnly || awaitsMe(item)));
    const dueOf = (item: ApplicationSummary) => overdue.get(item.id)?.dueOn ?? null;
    // Overdue first (longest overdue first), then what awaits my role, then the oldest submitted.
    return filtered.sort((a, b) => {
      const [dueA, dueB] = [dueOf(a), dueOf(b)];
      if (!!dueA !== !!dueB) return dueA ? -1 : 1;
      if (dueA && dueB && dueA !== dueB) return dueA < dueB ? -1 : 1;
      if (awaitsMe(a) !== awaitsMe(b)) return awaitsMe(a) ? -1 : 1;
      return a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0;
    });
  }, [items, overdue, stepFilter, mineOnly, awaitsMe]);

  const countBy = (key: 'status' | 'currentStep') => {
    const counts = new Map<string, number>();
    for (const item of items ?? []) if (item[key]) counts.set(item[key]!, (counts.get(item[key]!) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1]);
  };

  const categoryName = (item: ApplicationSummary) => {
    const category = programmes.get(item.programme)?.categories.find((candidate) => candidate.code === item.category);
    return category ? `${item.category}. ${categoryTitle(category.title, lang)}` : item.category;
  };

  const acted = async (item: ApplicationSummary, result: CommandResult) => {
    setOpen(null);
    setDone({ name: item.fullName, result });
    setItems((current) => (current ?? []).map((row) => (row.id === item.id ? { ...row, status: result.status, version: result.version } : row)));
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
      <h2>
        {ward ? `${t('worklistTitle')} ${ward}` : t('allWards')}
      </h2>
      <div className="toolbar">
        {anyWard && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              setWard(wardInput.trim());
            }}
          >
            <label>
              {t('ward')} <input name="ward" value={wardInput} onChange={(event) => setWardInput(event.target.value)} size={8} placeholder={t('all')} />
            </label>
            <button type="submit">{t('open')}</button>
          </form>
        )}
        <label>
          {t('status')}{' '}
          <select name="status" value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">{t('all')}</option>
            {['submitted', 'in-progress', 'approved', 'paid', 'rejected', 'withdrawn', 'recovery-ordered', 'recovered'].map((code) => (
              <option key={code} value={code}>{term(code)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('currentStep')}{' '}
          <select name="step" value={stepFilter} onChange={(event) => setStepFilter(event.target.value)}>
            <option value="">{t('all')}</option>
            {countBy('currentStep').map(([code]) => (
              <option key={code} value={code}>{term(code)}</option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={mineOnly} onChange={(event) => setMineOnly(event.target.checked)} /> {t('awaitingMe')}
        </label>
        <button type="button" onClick={() => void load()}>{t('refresh')}</button>
        {updating && <span className="muted">{t('updating')}</span>}
      </div>
      <ProblemBox problem={problem} />
      {done && (
        <p className="ok" data-testid="action-done">
          {t('recorded')}: {done.name} — {term(done.result.status)}, {t('nowVersion')} {done.result.version}
        </p>
      )}
      {items === null ? (
        <Loading />
      ) : (
        <>
          <div className="chips">
            <span className="muted">{t('countsByStatus')}:</span>
            {countBy('status').map(([code, n]) => (
              <button type="button" key={code} className={`chip${status === code ? ' chip-on' : ''}`} onClick={() => setStatus(status === code ? '' : code)}>
                {term(code)} <b>{n}</b>
              </button>
            ))}
          </div>
          <div className="chips">
            <span className="muted">{t('countsByStep')}:</span>
            {countBy('currentStep').map(([code, n]) => (
              <button type="button" key={code} className={`chip${stepFilter === code ? ' chip-on' : ''}`} onClick={() => setStepFilter(stepFilter === code ? '' : code)}>
                {term(code)} <b>{n}</b>
              </button>
            ))}
          </div>
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
                {rows.map((item) => {
                  const late = overdue.get(item.id);
                  return (
                    <Fragment key={item.id}>
                      <tr className={late?.dueOn ? 'row-overdue' : undefined} data-testid="worklist-row" data-id={item.id}>
                        <td>
                          <a href={caseLink(item.id)}>{item.fullName}</a>
                        </td>
                        <td className="small">{categoryName(item)}</td>
                        <td>
                          <Badge kind={item.status}>{term(item.status)}</Badge>
                        </td>
                        <td>{term(item.currentStep)}</td>
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
                          {awaitsMe(item) && (
                            <button type="button" onClick={() => setOpen(open === item.id ? null : item.id)} data-testid="act">
                              {t('act')}
                            </button>
                          )}
                        </td>
                      </tr>
                      {open === item.id && (
                        <tr className="row-action">
                          <td colSpan={7}>
                            <ActionPanel target={item} session={session} onDone={(result) => void acted(item, result)} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
};
