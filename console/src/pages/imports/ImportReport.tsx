import { useState } from 'react';
import { download, XLSX_TYPE } from '../../api/download';
import { toProblem, type Problem } from '../../api/problem';
import type { ImportResult } from '../../api/types';
import { ProblemBox } from '../../components/ProblemBox';
import { RowReportTable } from '../../components/RowReportTable';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

/** What an import decided: counts, then each refused row's column and reason, and the report as XLSX. */
export const ImportReport = ({ result }: { result: ImportResult }) => {
  const { t } = useI18n();
  const [problem, setProblem] = useState<Problem | null>(null);
  const report = () => download(`/imports/${result.id}/report.xlsx`, `import-${result.id}-report.xlsx`, XLSX_TYPE).catch((error) => setProblem(toProblem(error)));
  return (
    <section className="card" data-testid="import-result" aria-labelledby="import-result-title">
      <h3 id="import-result-title">{t('importResult', { file: result.fileName })}</h3>
      <p>
        <span data-testid="import-accepted" className="ok">{t('importAccepted', { n: result.accepted })}</span>
        {' · '}
        <span data-testid="import-refused">{t('importRefused', { n: result.refused })}</span>
        {' · '}
        {t('importRows', { n: result.rows })}
        {result.receivedOn && <> · {t('receivedOn')}: {formatDate(result.receivedOn)}</>}
      </p>
      <div className="buttons">
        <button type="button" className="secondary" data-testid="import-report-xlsx" onClick={() => void report()}>{t('downloadReportXlsx')}</button>
      </div>
      <ProblemBox problem={problem} />
      {result.report.length === 0 ? (
        <p className="muted">{t('importNoErrors')}</p>
      ) : (
        <RowReportTable entries={result.report} testId="import-report" caption={<caption className="sr-only">{t('importReportTitle')}</caption>} />
      )}
    </section>
  );
};
