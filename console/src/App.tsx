import { Header } from './app/Header';
import { allowedPage, navFor } from './app/navigation';
import { Page } from './app/Page';
import { ProgrammesProvider } from './app/ProgrammesProvider';
import { useLanguage } from './app/use-language';
import { useSession } from './app/use-session';
import { I18nContext } from './i18n/i18n';
import { SignInPage } from './pages/sign-in/SignInPage';
import { navigate, useRoute } from './routing/route';

export const App = () => {
  const i18n = useLanguage();
  const { session, signIn, signOut } = useSession();
  const route = useRoute();
  const nav = session ? navFor(session.claims.roles) : [];
  const page = route.path[0] ?? nav[0]?.path ?? 'applications';

  // A link opened while signed out (a case, a page) is still in the address: sign-in leads back to it.
  const signedIn = (token: string) => {
    const next = signIn(token);
    if (next && !allowedPage(next.claims.roles, route.path[0])) navigate(`/${navFor(next.claims.roles)[0]?.path ?? 'applications'}`);
  };

  // Signing out on purpose forgets the page, so the next person starts on their own first page.
  const signedOut = () => {
    signOut();
    navigate('/');
  };

  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); document.getElementById('main')?.focus(); }}>{i18n.t('skipToContent')}</a>
      <Header nav={nav} page={page} session={session} onSignOut={signedOut} />
      <main id="main" tabIndex={-1}>
        <ProgrammesProvider token={session?.token ?? null}>
          {!session ? <SignInPage onSignedIn={signedIn} /> : <Page page={page} route={route} session={session} />}
        </ProgrammesProvider>
      </main>
    </I18nContext.Provider>
  );
};
