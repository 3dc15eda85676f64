import { useEffect, useRef, useState, type FormEvent } from 'react';
import { get } from '../../api/client';
import { download, XLSX_TYPE } from '../../api/download';
import { toProblem, type Problem } from '../../api/problem';
import { newUuid } from '../../api/progress-id';
import type { ImportProgress, ImportResult } from '../../api/types';
import { upload } from '../../api/upload';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { ProblemBox } from '../../components/ProblemBox';
import { useI18n } from '../../i18n/i18n';
import { useProgrammes, useProgrammeTerms } from '../../i18n/programme-terms';
import type { Session } from '../../session/session';
import { ImportProgressBar, type ImportStage } from './ImportProgressBar';
import { ImportReport } from './ImportReport';

const POLL_MS = 400;

/**
 * Imports (intake-officer): a spreadsheet of applications for the officer's ward, each row decided
 * as a single intake. The bar shows the upload, then the rows the server has decided.
 */
export const ImportsPage = ({ session }: { session: Session }) => {
  const { t, lang } = useI18n();
  const terms = useProgrammeTerms();
  const programmes = useProgrammes();
  const programme = programmes[0] ?? null;
  const [categoryCode, setCategoryCode] = useState('');
  const [receivedOn, setReceivedOn] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<ImportStage | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const polling = useRef<number | null>(null);
  const ward = session.claims.ward ?? '';

  useEffect(() => {
    if (programme && !programme.categories.some((category) => category.code === categoryCode)) setCategoryCode(programme.categories[0]?.code ?? '');
  }, [programme, categoryCode]);
  useEffect(() => () => stopPolling(), []);
  // The report is worded in the language asked for: read it again when the reader switches.
  const resultId = result?.id;
  useEffect(() => {
    if (!resultId) return;
    get<ImportResult>(`/imports/${resultId}`).then(setResult, (error) => setProblem(toProblem(error)));
  }, [lang, resultId]);

  const stopPolling = () => {
    if (polling.current !== null) window.clearInterval(polling.current);
    polling.current = null;
  };

  const startPolling = (id: string) => {
    if (polling.current !== null) return;
    polling.current = window.setInterval(() => {
      get<ImportProgress>(`/imports/progress/${id}`)
        .then((state) => setProgress((current) => (polling.current === null || current === null ? current : { stage: 'server', ...state })))
        // Not there yet, or another API process runs the import: the upload's answer still comes.
        .catch(() => undefined);
    }, POLL_MS);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!programme || !file) {
      setProblem(file ? null : { type: 'about:blank', status: 400, code: 'validation-failed', title: '', detail: '', errors: [{ field: 'file', message: t('fieldRequired') }] });
      return;
    }
    const id = newUuid();
    const form = new FormData();
    form.append('programme', programme.id);
    form.append('category', categoryCode);
    form.append('ward', ward);
    if (receivedOn) form.append('receivedOn', receivedOn);
    form.append('file', file, file.name);
    setProblem(null);
    setResult(null);
    setProgress({ stage: 'upload', sent: 0, total: file.size });
    try {
      const answer = await upload<ImportResult>(`/imports?progress=${id}`, form, lang, (sent, total) => {
        setProgress({ stage: 'upload', sent, total });
        if (sent >= total) {
          setProgress({ stage: 'server', phase: 'reading', done: 0, total: 0 });
          startPolling(id);
        }
      });
      setResult(answer);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      stopPolling();
      setProgress(null);
    }
  };

  const template = () =>
    download(`/programmes/${programme!.id}/categories/${categoryCode}/template.xlsx`, `template-${programme!.id}-${categoryCode}.xlsx`, XLSX_TYPE).catch((error) => setProblem(toProblem(error)));

  if (!programme) return <Loading />;
  const errors = problem?.errors ?? [];
  const busy = progress !== null;
  return (
    <div>
      <h2>{t('importsTitle')}</h2>
      <p className="lead">{t('importsLead', { ward })}</p>
      <form className="card" onSubmit={submit} noValidate data-testid="import-form">
        <div className="form-grid">
          <Field label={t('category')} name="category" errors={errors} required wide>
            <select name="category" value={categoryCode} onChange={(event) => setCategoryCode(event.target.value)}>
              {programme.categories.map((option) => <option key={option.code} value={option.code}>{terms.category(programme.id, option.code)}</option>)}
            </select>
          </Field>
          <Field label={t('receivedOn')} name="receivedOn" errors={errors} hint="dd/mm/yyyy">
            <DateInput name="receivedOn" value={receivedOn} onChange={setReceivedOn} />
          </Field>
          <Field label={t('importFile')} name="file" errors={errors} required hint={t('importFileHint')}>
            <input type="file" name="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
          </Field>
        </div>
        <div className="buttons">
          <button type="submit" disabled={busy} data-testid="import-submit">{t('importSubmit')}</button>
          <button type="button" className="secondary" data-testid="import-template" onClick={() => void template()}>{t('downloadTemplate')}</button>
        </div>
        {progress && <ImportProgressBar progress={progress} />}
        <ProblemBox problem={problem} unmatched={errors.filter((error) => !['category', 'receivedOn', 'file'].includes(error.field))} />
      </form>
      {result && <ImportReport result={result} />}
    </div>
  );
};
