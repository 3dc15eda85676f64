import { useI18n } from '../i18n/i18n';

// The validator's wording for a field left empty, and for a date not in the API's format. Until
// the API answers in the reader's language these two, the most common, are said by the console;
// any other message is shown in the API's words.
const EMPTY = /(must be longer than or equal to 1 characters|should not be empty|is required|must be a string)$/;
const DATE = /must be a (real )?date( YYYY-MM-DD)?$/;

/** A field error's message in the reader's language where the console knows it; repeats left out. */
export const useFieldMessages = (): ((messages: string[]) => string[]) => {
  const { t } = useI18n();
  return (messages) => [...new Set(messages.map((message) => (EMPTY.test(message) ? t('fieldRequired') : DATE.test(message) ? t('fieldDate') : message)))];
};
