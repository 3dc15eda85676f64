import type { ImportReportEntry, MessageParams } from '@lib/domain';
import { hasMessage, type MessageRenderer } from '../problem/messages/message-renderer';
import type { Lang } from '../problem/messages/language';

/** A domain refusal as a report stores it: its key, then its params as JSON (DomainError's `message`), maybe after the application it is about. */
const STORED_KEY = /^(?:([0-9a-f-]{36}): )?([a-z][\w-]*(?:\.[\w-]+)+)(?: (\{.*\}))?$/;

/** The row checks of the import path write sentences, not keys: the sentences stored so far, with the key that words them. */
const ROW_SENTENCES: { pattern: RegExp; key: string; params?: (match: RegExpExecArray) => MessageParams }[] = [
  { pattern: /^citizenId must be a CMND \(9 digits\) or CCCD \(12 digits\)$/, key: 'field.citizen-id' },
  { pattern: /^fullName must be 1 to 200 characters$/, key: 'import.row.length', params: () => ({ max: 200 }) },
  { pattern: /^address must be 1 to 500 characters$/, key: 'import.row.length', params: () => ({ max: 500 }) },
  { pattern: /^dateOfBirth must be a date YYYY-MM-DD$/, key: 'import.row.date' },
  { pattern: /^paidOn must be a date \(dd\/mm\/yyyy or YYYY-MM-DD\)$/, key: 'import.row.date' },
  { pattern: /^phone must be 8 to 15 digits$/, key: 'field.phone' },
  { pattern: /^bankAccount must be at most 64 characters$/, key: 'field.length-max', params: () => ({ max: 64 }) },
  { pattern: /^amount must be a positive whole number of VND$/, key: 'import.row.amount' },
  { pattern: /^reference is required$/, key: 'field.required' },
  { pattern: /^unknown application (.*)$/, key: 'import.row.unknown-application', params: (m) => ({ application: m[1] }) },
  { pattern: /^no approved, unpaid application of (.*) in ward (.*)$/, key: 'import.row.no-unpaid', params: (m) => ({ citizenId: m[1], ward: m[2] }) },
  { pattern: /^(.*) holds several unpaid applications; name the application id$/, key: 'import.row.several-unpaid', params: (m) => ({ citizenId: m[1] }) },
];

const parse = (json: string | undefined): MessageParams => {
  if (!json) return {};
  try {
    return JSON.parse(json) as MessageParams;
  } catch {
    return {};
  }
};

/** One stored report message in the reader's language; a message no catalogue knows stays as it was written. */
export const reportMessage = (message: string, lang: Lang, renderer: MessageRenderer): string => {
  const stored = STORED_KEY.exec(message);
  if (stored && hasMessage(stored[2])) {
    const words = renderer.render(lang, stored[2], parse(stored[3]));
    return stored[1] ? `${stored[1]}: ${words}` : words;
  }
  for (const { pattern, key, params } of ROW_SENTENCES) {
    const match = pattern.exec(message);
    if (match) return renderer.render(lang, key, params?.(match) ?? {});
  }
  return message;
};

/**
 * A report's row messages in the reader's language. Rows stored since imports keep keys carry the
 * key and its params (a returned payment row names its application apart); older rows hold a key
 * with its params as JSON or an English sentence, and are worded through reportMessage.
 */
export const wordReport = (report: readonly ImportReportEntry[], lang: Lang, renderer: MessageRenderer) =>
  report.map(({ params, applicationId, ...entry }) => {
    const words = params !== undefined || hasMessage(entry.message) ? renderer.render(lang, entry.message, params) : reportMessage(entry.message, lang, renderer);
    return { ...entry, ...(applicationId ? { applicationId } : {}), message: applicationId ? `${applicationId}: ${words}` : words };
  });
