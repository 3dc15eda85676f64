import type { FieldError } from './domain-error';

/**
 * The refusals the law adds, by stable code. Their words, in Vietnamese and English, are in the
 * API's message catalogues under `refusal.<code>`.
 */
export const REFUSAL_CODES = ['received-on-invalid', 'received-in-future', 'outside-filing-period', 'intake-not-granting', 'lower-support-refused'] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** Spelt out so that the catalogues' check finds every key the domain uses. */
const KEYS: Record<RefusalCode, string> = {
  'received-on-invalid': 'refusal.received-on-invalid',
  'received-in-future': 'refusal.received-in-future',
  'outside-filing-period': 'refusal.outside-filing-period',
  'intake-not-granting': 'refusal.intake-not-granting',
  'lower-support-refused': 'refusal.lower-support-refused',
};

export const refusal = (field: string, code: RefusalCode): FieldError => ({ field, message: KEYS[code] });
