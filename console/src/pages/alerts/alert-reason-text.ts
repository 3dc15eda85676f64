import type { AlertReason } from '../../api/types';
import { formatDate, formatMonth } from '../../i18n/format';
import { useI18n, type Lang } from '../../i18n/i18n';
import { useProgrammeTerms, type ProgrammeTerms } from '../../i18n/programme-terms';

const NUMBERS: Record<Lang, Intl.NumberFormat> = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-GB') };

/** Params that name steps: shown by the programme's label for the step. */
const STEP_PARAMS = new Set(['step', 'steps']);

const isLabel = (value: unknown): value is { vi: string; en: string } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { vi?: unknown }).vi === 'string' && typeof (value as { en?: unknown }).en === 'string';

const scalar = (name: string, value: unknown, lang: Lang, terms: ProgrammeTerms): string => {
  if (isLabel(value)) return value[lang];
  if (typeof value === 'number') return NUMBERS[lang].format(value);
  const text = String(value ?? '');
  if (STEP_PARAMS.has(name)) return terms.step(text);
  if (/^\d{4}-\d{2}$/.test(text)) return formatMonth(text);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
  return text;
};

/**
 * A detector's reason in the reader's language, from its key and params (the API's reasonKeys):
 * months mm/yyyy, dates dd/mm/yyyy, amounts grouped the language's way, steps and claim fields by
 * the programme's labels. A key this console does not know falls back to the API's own words.
 */
export const wordAlertReason = (reason: AlertReason, fallback: string | undefined, lang: Lang, template: string | undefined, terms: ProgrammeTerms): string => {
  if (!template || template === reason.key) return fallback ?? reason.key;
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = reason.params[name];
    if (value === undefined || value === null) return '';
    return Array.isArray(value) ? value.map((item) => scalar(name, item, lang, terms)).join(', ') : scalar(name, value, lang, terms);
  });
};

export const useAlertReasonText = (): ((reason: AlertReason, fallback?: string) => string) => {
  const { lang, code } = useI18n();
  const terms = useProgrammeTerms();
  return (reason, fallback) => wordAlertReason(reason, fallback, lang, code('alertReasons', reason.key), terms);
};
