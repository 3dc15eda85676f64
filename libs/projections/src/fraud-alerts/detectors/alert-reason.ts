import type { Label, MessageParams } from '@lib/domain';

/**
 * Why a detector raised an alert, as a message key and its params, never a sentence: the API and
 * the console word it in the reader's language (vi or en). Params hold codes, numbers, months and
 * dates as stored (YYYY-MM, YYYY-MM-DD) and the programme's own labels where it gives them.
 * Every key needs a text in apps/api/src/problem/messages/{vi,en}.ts and console/src/i18n.
 */
export const ALERT_REASON_KEYS = [
  'alert.months-outside-window',
  'alert.months-over-cap',
  'alert.amount-not-rate',
  'alert.paid-without-approval',
  'alert.paid-without-decision',
  'alert.paid-more-than-owed',
  'alert.paid-less-than-approved',
  'alert.forwarded-without-posting',
  'alert.posted-too-briefly',
  'alert.same-officer',
  'alert.field-missing',
  'alert.months-before-field',
  'alert.field-value-not-allowed',
  'alert.condition-failed',
  'alert.filed-before-day',
  'alert.suspension-too-short',
  'alert.approved-without-confirmation',
  'alert.no-other-province-confirmation',
  'alert.not-recovered-confirmed',
  'alert.not-recovered-refused',
  'alert.step-late',
  'alert.categories-at-once',
  'alert.category-month-twice',
  'alert.category-over-cap',
  'alert.furloughed-and-informal',
  'alert.paid-in-wards',
  'alert.shared-bank-account',
  'alert.shared-phone',
  'alert.shared-address',
  'alert.shared-payee',
  'alert.household-paid-twice',
  'alert.withdrawal-burst',
  'alert.over-budget',
  'alert.probable-same-person',
  'alert.loan-worker-furloughed',
] as const;

export type AlertReasonKey = (typeof ALERT_REASON_KEYS)[number];

export interface AlertReason {
  readonly key: AlertReasonKey;
  readonly params: MessageParams;
}

export const reason = (key: AlertReasonKey, params: MessageParams = {}): AlertReason => ({ key, params });

/** One label for several programme words (an enum's allowed values), each language joined on its own. */
export const joinedLabel = (labels: readonly Label[]): Label => ({ vi: labels.map((label) => label.vi).join(', '), en: labels.map((label) => label.en).join(', ') });

const identity = (value: AlertReason): string => JSON.stringify([value.key, value.params]);

/** Each reason once, in a stable order (a rebuild and a live run store the same list). */
export const uniqueReasons = (reasons: readonly AlertReason[]): AlertReason[] => {
  const byIdentity = new Map(reasons.map((one) => [identity(one), one]));
  return [...byIdentity.keys()].sort().map((key) => byIdentity.get(key)!);
};
