import { useEffect, useState, type FormEvent } from 'react';
import { get, post, request, setToken, toProblem, type FieldError, type Problem } from '../api';
import { Field, ProblemBox } from '../components';
import { useI18n } from '../i18n';
import { decodeClaims } from '../session';

const ROLES = ['intake-officer', 'village-reviewer', 'ward-approver', 'district-appraiser', 'province-approver', 'treasurer', 'auditor', 'inspector'];
const WARD_SCOPED = ['intake-officer', 'village-reviewer', 'ward-approver', 'treasurer'];
const WARDS = Array.from({ length: 12 }, (_, index) => `W${String(index + 1).padStart(2, '0')}`);

/** Sign-in: a token from the identity provider, or (trial mode only) a development token. */
export const SignIn = ({ onSignedIn }: { onSignedIn: (token: string) => void }) => {
  const { t, term } = useI18n();
  const [pasted, setPasted] = useState('');
  const [pasteProblem, setPasteProblem] = useState<Problem | null>(null);
  const [devEnabled, setDevEnabled] = useState<boolean | null>(null);
  const [role, setRole] = useState('intake-officer');
  const [ward, setWard] = useState('W01');
  const [sub, setSub] = useState('');
  const [devProblem, setDevProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    request<{ enabled: boolean }>('GET', '/dev/token', { anonymous: true }).then(
      (info) => setDevEnabled(info.enabled === true),
      () => setDevEnabled(false),
    );
  }, []);

  /** A pasted token is tried on the API before it is kept: a bad one shows the API's 401. */
  const usePasted = async (event: FormEvent) => {
    event.preventDefault();
    setPasteProblem(null);
    const token = pasted.trim();
    if (!decodeClaims(token)) {
      setPasteProblem({ status: 400, code: 'validation-failed', title: t('tokenInvalid'), detail: t('tokenInvalid') });
      return;
    }
    setBusy(true);
    setToken(token);
    try {
      await get('/programmes');
      onSignedIn(token);
    } catch (error) {
      setToken(null);
      setPasteProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const devSignIn = async (event: FormEvent) => {
    event.preventDefault();
    setDevProblem(null);
    setBusy(true);
    try {
      const body = { role, ward: ward.trim() || undefined, sub: sub.trim() || undefined };
      const minted = await post<{ token: string }>('/dev/token', body, { anonymous: true });
      setToken(minted.token);
      onSignedIn(minted.token);
    } catch (error) {
      setDevProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const devErrors: FieldError[] = devProblem?.errors ?? [];

  return (
    <>
    <p className="lead">{t('appSubtitle')} — NQ 42/NQ-CP, QĐ 15/2020/QĐ-TTg</p>
    <div className="sign-in">
      <section className="card">
        <h2>{t('tokenSignIn')}</h2>
        <p className="muted">{t('tokenHelp')}</p>
        <form onSubmit={usePasted}>
          <Field label={t('token')} name="token">
            <textarea name="token" rows={4} value={pasted} onChange={(event) => setPasted(event.target.value)} spellCheck={false} />
          </Field>
          <ProblemBox problem={pasteProblem} />
          <button type="submit" disabled={busy || !pasted.trim()}>{t('signIn')}</button>
        </form>
      </section>
      <section className="card" data-testid="dev-sign-in">
        <h2>{t('devSignIn')}</h2>
        {devEnabled === false && <p className="muted">{t('devSignInOff')}</p>}
        {devEnabled && (
          <form onSubmit={devSignIn}>
            <p className="muted">{t('devSignInHelp')}</p>
            <Field label={t('role')} name="role" errors={devErrors}>
              <select name="role" value={role} onChange={(event) => setRole(event.target.value)}>
                {ROLES.map((code) => (
                  <option key={code} value={code}>{term(code)}</option>
                ))}
              </select>
            </Field>
            <Field label={t('ward')} name="ward" errors={devErrors} required={WARD_SCOPED.includes(role)}>
              <input name="ward" list="wards" value={ward} onChange={(event) => setWard(event.target.value)} />
              <datalist id="wards">
                {WARDS.map((code) => <option key={code} value={code} />)}
              </datalist>
            </Field>
            <Field label={`${t('officerId')} (${t('optional')})`} name="sub" errors={devErrors}>
              <input name="sub" value={sub} onChange={(event) => setSub(event.target.value)} placeholder={`${role}@${ward || 'province'}`} />
            </Field>
            <ProblemBox problem={devProblem} unmatched={devErrors.filter((error) => !['role', 'ward', 'sub'].includes(error.field))} />
            <button type="submit" disabled={busy}>{t('signIn')}</button>
          </form>
        )}
      </section>
    </div>
    </>
  );
};
