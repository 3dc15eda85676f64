import type { ImportReportEntry } from '@lib/domain';
import type { Lang } from '../problem/messages/language';
import type { MessageRenderer } from '../problem/messages/message-renderer';

/**
 * A report's row messages in the request's language: each entry keeps its message key and
 * params, worded when it is shown (the JSON answer and the XLSX alike), so a ward that reads
 * English and one that reads Vietnamese get the same report in their words. A returned
 * payment row names its application first.
 */
export const wordReport = (report: readonly ImportReportEntry[], lang: Lang, renderer: MessageRenderer) =>
  report.map(({ params, applicationId, ...entry }) => {
    const words = renderer.render(lang, entry.message, params);
    return { ...entry, ...(applicationId ? { applicationId } : {}), message: applicationId ? `${applicationId}: ${words}` : words };
  });
