import { Header } from './app/Header';
import { navFor } from './app/navigation';
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

  const signedIn = (token: string) => {
    const next = signIn(token);
    if (next) navigate(`/${navFor(next.claims.roles)[0]?.path ?? 'applications'}`);
  };

  return (
    <I18nContext.Provider value={i18n}>
      <Header nav={nav} page={page} session={session} onSignOut={signOut} />
      <main>
        <ProgrammesProvider token={session?.token ?? null}>
          {!session ? <SignInPage onSignedIn={signedIn} /> : <Page page={page} route={route} session={session} />}
        </ProgrammesProvider>
      </main>
    </I18nContext.Provider>
  );
};
