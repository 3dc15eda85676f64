import { useState, type FormEvent } from 'react';
import { get, setToken } from '../../api/client';
import { toProblem, type Problem } from '../../api/problem';
import { Field } from '../../components/Field';
import { ProblemBox } from '../../components/ProblemBox';
import { useI18n } from '../../i18n/i18n';
import { decodeClaims } from '../../session/session';

/** A token from the identity provider, tried on the API before it is kept: a bad one shows the API's 401. */
export const TokenSignIn = ({ onSignedIn }: { onSignedIn: (token: string) => void }) => {
  const { t } = useI18n();
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const token = pasted.trim();
    if (!decodeClaims(token)) {
      setProblem({ type: 'about:blank', status: 400, code: 'validation-failed', title: t('tokenInvalid'), detail: '', errors: [{ field: 'token', message: t('tokenInvalid') }] });
      return;
    }
    setBusy(true);
    setToken(token);
    try {
      await get('/programmes');
      onSignedIn(token);
    } catch (error) {
      setToken(null);
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card">
      <h2>{t('tokenSignIn')}</h2>
      <p className="muted">{t('tokenHelp')}</p>
      <form onSubmit={submit}>
        <Field label={t('token')} name="token" errors={problem?.errors}>
          <textarea name="token" rows={4} value={pasted} onChange={(event) => setPasted(event.target.value)} spellCheck={false} />
        </Field>
        <ProblemBox problem={problem} unmatched={(problem?.errors ?? []).filter((error) => error.field !== 'token')} />
        <button type="submit" disabled={busy || !pasted.trim()}>{t('signIn')}</button>
      </form>
    </section>
  );
};
