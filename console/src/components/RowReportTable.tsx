import type { ReactNode } from 'react';
import type { ImportReportEntry } from '../api/types';
import { useI18n } from '../i18n/i18n';

/** A spreadsheet's refused rows as the API reports them: the row, the column and why, in the reader's language. */
export const RowReportTable = ({ entries, caption, testId }: { entries: readonly ImportReportEntry[]; caption: ReactNode; testId: string }) => {
  const { t } = useI18n();
  return (
    <table className="table" data-testid={testId}>
      {caption}
      <thead>
        <tr>
          <th scope="col">{t('importRow')}</th>
          <th scope="col">{t('importColumn')}</th>
          <th scope="col">{t('importMessage')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry, index) => (
          <tr key={index}>
            <td>{entry.row}</td>
            <td>{entry.column ?? '—'}</td>
            <td>{entry.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
