import { useCallback, useEffect, useState } from 'react';
import { get, newIdempotencyKey, post } from '../../api/client';
import { download, XLSX_TYPE } from '../../api/download';
import { toProblem, type Problem } from '../../api/problem';
import type { ListActResult, ListApplication, ListApplications, ListStepBody, SupportList } from '../../api/types';
import { ConfirmStep } from '../../components/actions/ConfirmStep';
import { Badge } from '../../components/Badge';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { ProblemBox } from '../../components/ProblemBox';
import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';
import { caseLink } from '../../routing/route';
import { ListRefusals } from './ListRefusals';

/**
 * One list, row by row: the office may leave rows off (each with its reason, they are rejected),
 * then acts on the rest at once after a confirmation stating how many and how much.
 */
export const ListReview = ({ id }: { id: string }) => {
  const { t, code } = useI18n();
  const terms = useProgrammeTerms();
  const [list, setList] = useState<SupportList | null>(null);
  const [rows, setRows] = useState<ListApplication[]>([]);
  const [excluded, setExcluded] = useState<Record<string, string>>({});
  const [fields, setFields] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [acted, setActed] = useState<ListActResult | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = useCallback(async () => {
    try {
      const [view, items] = await Promise.all([get<SupportList>(`/lists/${id}`), get<ListApplications>(`/lists/${id}/applications`)]);
      setList(view);
      setRows(items.items);
    } catch (error) {
      setProblem(toProblem(error));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!list) return problem ? <ProblemBox problem={problem} /> : <Loading />;

  const open = list.status === 'open' && !acted;
  const kept = rows.filter((row) => !(row.applicationId in excluded));
  const keptAmount = kept.reduce((sum, row) => sum + row.amount, 0);
  const missingReason = Object.values(excluded).some((reason) => !reason.trim());
  const posting = list.step === 'public-posting';

  const act = async () => {
    setBusy(true);
    setProblem(null);
    const body: ListStepBody = {
      outcome: 'completed',
      ...(fields.reference?.trim() ? { reference: fields.reference.trim() } : {}),
      ...(fields.decisionNo?.trim() ? { decisionNo: fields.decisionNo.trim() } : {}),
      ...(posting && fields.postedFrom ? { postedFrom: fields.postedFrom } : {}),
      ...(posting && fields.postedUntil ? { postedUntil: fields.postedUntil } : {}),
      ...(Object.keys(excluded).length > 0 ? { exclusions: Object.entries(excluded).map(([applicationId, reason]) => ({ applicationId, reason: reason.trim() })) } : {}),
    };
    try {
      setActed(await post<ListActResult>(`/lists/${id}/steps/${list.step}`, body, { ifMatch: list.version, idempotencyKey: newIdempotencyKey() }));
      // The rows come from the read model, a moment behind the log: wait (a few seconds at most) until the ones left off show as rejected.
      const left = Object.keys(excluded);
      const deadline = Date.now() + 8000;
      setList(await get<SupportList>(`/lists/${id}`));
      for (;;) {
        const fresh = await get<ListApplications>(`/lists/${id}/applications`);
        if (left.every((applicationId) => fresh.items.find((row) => row.applicationId === applicationId)?.status === 'rejected') || Date.now() > deadline) {
          setRows(fresh.items);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const file = (format: 'xlsx' | 'pdf') =>
    download(`/lists/${id}.${format}`, `list-${id}.${format}`, format === 'pdf' ? 'application/pdf' : XLSX_TYPE).catch((error) => setProblem(toProblem(error)));
  const errors = problem?.errors ?? [];
  // A refused act names applications, not fields (problem.ts: listRefusals).
  const refusals = (errors as unknown as { applicationId?: string; detail?: string }[]).filter((error) => error.applicationId);

  return (
    <section className="card" data-testid="list-review" data-status={acted ? 'completed' : list.status}>
      <h3>
        {t('listTitle', { step: terms.step(list.step), ward: list.ward })} <Badge kind={acted ? 'completed' : list.status}>{acted || list.status === 'completed' ? t('listDone') : t('listOpen')}</Badge>
      </h3>
      <p className="muted small">
        {terms.category(list.programme, list.category)} · {t('listTotals', { n: list.totals.applications, amount: formatMoney(list.totals.amount) })}
        {list.decisionNo && <> · {t('decisionNo')}: {list.decisionNo}</>}
      </p>
      <div className="buttons">
        <button type="button" className="secondary" data-testid="list-xlsx" onClick={() => void file('xlsx')}>{t('downloadXlsx')}</button>
        <button type="button" className="secondary" data-testid="list-pdf" onClick={() => void file('pdf')}>{t('downloadPdf')}</button>
      </div>
      {acted && <p className="ok" role="status" data-testid="list-acted">{t('listActed', { applied: acted.applied, excluded: acted.excluded })}</p>}
      <table className="table" data-testid="list-rows">
        <caption className="sr-only">{t('listRowsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fullName')}</th>
            <th scope="col">{t('citizenId')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('amount')}</th>
            {open && <th scope="col">{t('listExclude')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const out = row.applicationId in excluded;
            const wasExcluded = list.excluded.find((exclusion) => exclusion.applicationId === row.applicationId);
            return (
              <tr key={row.applicationId} data-testid="list-row" data-excluded={out || !!wasExcluded}>
                <th scope="row"><a href={caseLink(row.applicationId)}>{row.fullName}</a></th>
                <td>{row.citizenId}</td>
                <td><Badge kind={row.status}>{code('statuses', row.status)}</Badge>{wasExcluded && <span className="small muted"> · {wasExcluded.reason}</span>}</td>
                <td>{formatMoney(row.amount)}</td>
                {open && (
                  <td>
                    <label>
                      <input
                        type="checkbox"
                        checked={out}
                        data-testid="exclude"
                        onChange={(event) =>
                          setExcluded((current) => {
                            const next = { ...current };
                            if (event.target.checked) next[row.applicationId] = '';
                            else delete next[row.applicationId];
                            return next;
                          })
                        }
                      />{' '}
                      {t('listLeaveOff', { name: row.fullName })}
                    </label>
                    {out && (
                      <label className="field">
                        <span className="field-label">{t('reason')}</span>
                        <input name={`reason-${row.applicationId}`} data-testid="exclude-reason" value={excluded[row.applicationId]} onChange={(event) => setExcluded((current) => ({ ...current, [row.applicationId]: event.target.value }))} />
                      </label>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <ListRefusals refusals={refusals} rows={rows} />
      {refusals.length === 0 && <ProblemBox problem={problem} unmatched={errors.filter((error) => !['reference', 'decisionNo', 'postedFrom', 'postedUntil'].includes(error.field))} />}
      {open && (
        <div>
          <div className="form-grid">
            <Field label={posting ? t('postingPlace') : t('reference')} name="reference" errors={errors}>
              <input name="reference" value={fields.reference ?? ''} onChange={(event) => setFields((current) => ({ ...current, reference: event.target.value }))} />
            </Field>
            {!posting && (
              <Field label={t('decisionNo')} name="decisionNo" errors={errors}>
                <input name="decisionNo" value={fields.decisionNo ?? ''} onChange={(event) => setFields((current) => ({ ...current, decisionNo: event.target.value }))} />
              </Field>
            )}
            {posting && (
              <>
                <Field label={t('postedFrom')} name="postedFrom" errors={errors} hint="dd/mm/yyyy">
                  <DateInput name="postedFrom" value={fields.postedFrom ?? ''} onChange={(value) => setFields((current) => ({ ...current, postedFrom: value }))} />
                </Field>
                <Field label={t('postedUntil')} name="postedUntil" errors={errors} hint="dd/mm/yyyy">
                  <DateInput name="postedUntil" value={fields.postedUntil ?? ''} onChange={(value) => setFields((current) => ({ ...current, postedUntil: value }))} />
                </Field>
              </>
            )}
          </div>
          {missingReason && <p className="field-error" role="alert">{t('listReasonRequired')}</p>}
          {confirming ? (
            <ConfirmStep title={t('listConfirm', { step: terms.step(list.step), n: kept.length, amount: formatMoney(keptAmount) })} confirmLabel={t('listActConfirm', { n: kept.length })} busy={busy} onConfirm={() => void act()} onCancel={() => setConfirming(false)} testId="list-confirm">
              {Object.keys(excluded).length > 0 && <p>{t('listConfirmExcluded', { n: Object.keys(excluded).length })}</p>}
              <p className="small">{t('moneyWarningList')}</p>
            </ConfirmStep>
          ) : (
            <button type="button" disabled={missingReason || rows.length === 0} data-testid="list-act" onClick={() => setConfirming(true)}>{t('listAct', { step: terms.step(list.step) })}</button>
          )}
        </div>
      )}
    </section>
  );
};
