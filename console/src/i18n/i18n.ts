import { createContext, useContext } from 'react';
import { en } from './en';
import { vi, type Messages } from './vi';

export type Lang = 'vi' | 'en';

const dictionaries: Record<Lang, Messages> = { vi, en };

/** The dictionary's plain messages, for `t`. */
export type MessageKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];
/** The dictionary's families of API codes (statuses, roles, …), for `code`. */
export type CodeFamily = { [K in keyof Messages]: Messages[K] extends string ? never : K }[keyof Messages];

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** A code the API sends (a status, a role, an event type…) in words; an unknown code as it is. */
  code: (family: CodeFamily, code: string | null | undefined) => string;
  setLang: (lang: Lang) => void;
}

export const makeI18n = (lang: Lang, setLang: (lang: Lang) => void): I18n => {
  const messages = dictionaries[lang];
  return {
    lang,
    setLang,
    t: (key, vars) => Object.entries(vars ?? {}).reduce((text, [name, value]) => text.replace(`{${name}}`, String(value)), messages[key]),
    code: (family, code) => (code ? ((messages[family] as Record<string, string>)[code] ?? code) : '—'),
  };
};

export const I18nContext = createContext<I18n>(makeI18n('vi', () => undefined));
export const useI18n = (): I18n => useContext(I18nContext);
