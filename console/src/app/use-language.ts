import { useEffect, useMemo, useState } from 'react';
import { setLanguage } from '../api/client';
import { makeI18n, type I18n, type Lang } from '../i18n/i18n';

const LANG_KEY = 'relief-ledger.console.lang';

/** Vietnamese unless the user chose English on this browser. */
export const useLanguage = (): I18n => {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi'));
  // Refusals come back in the console's language (Accept-Language), from the first request on.
  setLanguage(lang);
  const i18n = useMemo(
    () =>
      makeI18n(lang, (next) => {
        localStorage.setItem(LANG_KEY, next);
        setLang(next);
      }),
    [lang],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${i18n.t('appTitle')} — relief-ledger`;
  }, [lang, i18n]);
  return i18n;
};
