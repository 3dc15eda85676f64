import { useEffect, useMemo, useState } from 'react';
import { setToken, setUnauthenticatedHandler } from './api';
import { navigate, useRoute } from './components';
import { I18nContext, makeI18n, type Lang, type MessageKey } from './i18n';
import { hasRole, loadSession, saveSession, decodeClaims, type Session } from './session';
import { Alerts } from './pages/Alerts';
import { BeneficiarySearch } from './pages/Beneficiary';
import { CasePage } from './pages/CasePage';
import { Dashboard } from './pages/Dashboard';
import { IntakeForm } from './pages/IntakeForm';
import { SignIn } from './pages/SignIn';
import { Worklist } from './pages/Worklist';

const LANG_KEY = 'relief-ledger.console.lang';

interface NavItem {
  path: string;
  label: MessageKey;
  roles: string[];
}

const OFFICERS = ['intake-officer', 'village-reviewer', 'ward-approver', 'district-appraiser', 'province-approver', 'treasurer'];

/** Pages by role: officers work the ward's list, auditors read cases, inspectors the alerts. */
const NAV: NavItem[] = [
  { path: 'worklist', label: 'navWorklist', roles: [...OFFICERS, 'inspector', 'admin'] },
  { path: 'intake', label: 'navIntake', roles: ['intake-officer'] },
  { path: 'applications', label: 'navCase', roles: [...OFFICERS, 'auditor', 'inspector', 'admin'] },
  { path: 'alerts', label: 'navAlerts', roles: ['inspector', 'auditor', 'admin'] },
  { path: 'beneficiaries', label: 'navBeneficiary', roles: ['inspector', 'auditor', 'admin'] },
  { path: 'dashboard', label: 'navDashboard', roles: [...OFFICERS, 'inspector', 'admin'] },
];

export const App = () => {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi'));
  const [session, setSession] = useState<Session | null>(() => {
    const loaded = loadSession();
    setToken(loaded?.token ?? null);
    return loaded;
  });
  const route = useRoute();
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

  const signOut = () => {
    saveSession(null);
    setToken(null);
    setSession(null);
  };

  // An expired or revoked token: back to the sign-in page rather than a page of errors.
  useEffect(() => {
    setUnauthenticatedHandler(signOut);
    return () => setUnauthenticatedHandler(null);
  }, []);

  const signedIn = (token: string) => {
    const claims = decodeClaims(token);
    if (!claims) return;
    saveSession(token);
    setToken(token);
    setSession({ token, claims });
    const first = NAV.find((item) => item.roles.some((role) => claims.roles.includes(role)));
    navigate(`/${first?.path ?? 'applications'}`);
  };

  const nav = session ? NAV.filter((item) => hasRole(session, ...item.roles)) : [];
  const page = route.path[0] ?? nav[0]?.path ?? 'applications';

  return (
    <I18nContext.Provider value={i18n}>
      <header className="top">
        <div className="brand" title={i18n.t('appSubtitle')}>
          <h1>{i18n.t('appTitle')}</h1>
        </div>
        <nav>
          {nav.map((item) => (
            <a key={item.path} href={`#/${item.path}`} className={page === item.path ? 'active' : undefined} data-testid={`nav-${item.path}`}>
              {i18n.t(item.label)}
            </a>
          ))}
        </nav>
        <div className="who">
          <button type="button" className="link" onClick={() => i18n.setLang(lang === 'vi' ? 'en' : 'vi')} data-testid="lang">
            {i18n.t('language')}
          </button>
          {session && (
            <>
              <span className="small" data-testid="who">
                {session.claims.name ?? session.claims.sub} · {session.claims.roles.map(i18n.term).join(', ')}
                {session.claims.ward ? ` · ${session.claims.ward}` : ''}
              </span>
              <button type="button" onClick={signOut} data-testid="sign-out">
                {i18n.t('signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <main>
        {!session ? (
          <SignIn onSignedIn={signedIn} />
        ) : page === 'worklist' ? (
          <Worklist session={session} />
        ) : page === 'intake' ? (
          <IntakeForm session={session} />
        ) : page === 'alerts' ? (
          <Alerts session={session} />
        ) : page === 'beneficiaries' ? (
          <BeneficiarySearch />
        ) : page === 'dashboard' ? (
          <Dashboard session={session} />
        ) : (
          <CasePage
            id={route.path[1] ?? null}
            highlight={(route.params.get('highlight') ?? '').split(',').filter(Boolean).map(Number)}
            session={session}
          />
        )}
      </main>
    </I18nContext.Provider>
  );
};
