import { useI18n } from '../../i18n/i18n';
import { DevSignIn } from './DevSignIn';
import { TokenSignIn } from './TokenSignIn';

/** Sign-in: a token from the identity provider, or (trial mode only) a development token. */
export const SignInPage = ({ onSignedIn }: { onSignedIn: (token: string) => void }) => {
  const { t } = useI18n();
  return (
    <>
      <p className="lead">{t('appSubtitle')} — NQ 42/NQ-CP, QĐ 15/2020/QĐ-TTg</p>
      <div className="sign-in">
        <TokenSignIn onSignedIn={onSignedIn} />
        <DevSignIn onSignedIn={onSignedIn} />
      </div>
    </>
  );
};
