import { useI18n } from '../i18n/i18n';
import type { Session } from '../session/session';
import type { NavItem } from './navigation';

/** The brand, the pages of the user's roles, the language switch, who is signed in. */
export const Header = ({ nav, page, session, onSignOut }: { nav: NavItem[]; page: string; session: Session | null; onSignOut: () => void }) => {
  const { t, code, lang, setLang } = useI18n();
  return (
    <header className="top">
      <div className="brand" title={t('appSubtitle')}>
        <h1>{t('appTitle')}</h1>
      </div>
      <nav aria-label={t('mainMenu')}>
        {nav.map((item) => (
          <a key={item.path} href={`#/${item.path}`} className={page === item.path ? 'active' : undefined} aria-current={page === item.path ? 'page' : undefined} data-testid={`nav-${item.path}`}>
            {t(item.label)}
          </a>
        ))}
      </nav>
      <div className="who">
        <button type="button" className="link" lang={lang === 'vi' ? 'en' : 'vi'} onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')} data-testid="lang">
          {t('language')}
        </button>
        {session && (
          <>
            <span className="small" data-testid="who">
              {session.claims.name ?? session.claims.sub} · {session.claims.roles.map((role) => code('roles', role)).join(', ')}
              {session.claims.ward ? ` · ${session.claims.ward}` : ''}
            </span>
            <button type="button" className="secondary" onClick={onSignOut} data-testid="sign-out">
              {t('signOut')}
            </button>
          </>
        )}
      </div>
    </header>
  );
};
