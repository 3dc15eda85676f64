import { useEffect, useState, type FormEvent } from 'react';
import { post, request, setToken } from '../../api/client';
import { toProblem, type Problem } from '../../api/problem';
import type { DevSignInInfo, DevToken, DevTokenBody, Role } from '../../api/types';
import { Field } from '../../components/Field';
import { ProblemBox } from '../../components/ProblemBox';
import { useI18n } from '../../i18n/i18n';

const ROLES: Role[] = ['intake-officer', 'village-reviewer', 'ward-approver', 'district-appraiser', 'social-insurance-officer', 'tax-officer', 'province-approver', 'lender-officer', 'treasurer', 'auditor', 'inspector'];
const WARD_SCOPED: Role[] = ['intake-officer', 'village-reviewer', 'ward-approver', 'treasurer'];
const WARDS = Array.from({ length: 12 }, (_, index) => `W${String(index + 1).padStart(2, '0')}`);

/** Trial mode only: a development token for a role and ward (POST /dev/token); a 404 elsewhere. */
export const DevSignIn = ({ onSignedIn }: { onSignedIn: (token: string) => void }) => {
  const { t, code } = useI18n();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [role, setRole] = useState<Role>('intake-officer');
  const [ward, setWard] = useState('W01');
  const [sub, setSub] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    request<DevSignInInfo>('GET', '/dev/token', { anonymous: true }).then(
      (info) => setEnabled(info.enabled === true),
      () => setEnabled(false),
    );
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      const body: DevTokenBody = { role, ward: ward.trim() || undefined, sub: sub.trim() || undefined };
      const minted = await post<DevToken>('/dev/token', body, { anonymous: true });
      setToken(minted.token);
      onSignedIn(minted.token);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const errors = problem?.errors ?? [];
  return (
    <section className="card" data-testid="dev-sign-in">
      <h2>{t('devSignIn')}</h2>
      {enabled === false && <p className="muted">{t('devSignInOff')}</p>}
      {enabled && (
        <form onSubmit={submit}>
          <p className="muted">{t('devSignInHelp')}</p>
          <Field label={t('role')} name="role" errors={errors}>
            <select name="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {ROLES.map((option) => (
                <option key={option} value={option}>{code('roles', option)}</option>
              ))}
            </select>
          </Field>
          <Field label={t('ward')} name="ward" errors={errors} required={WARD_SCOPED.includes(role)}>
            <input name="ward" list="wards" value={ward} onChange={(event) => setWard(event.target.value)} />
            <datalist id="wards">
              {WARDS.map((option) => <option key={option} value={option} />)}
            </datalist>
          </Field>
          <Field label={`${t('officerId')} (${t('optional')})`} name="sub" errors={errors}>
            <input name="sub" value={sub} onChange={(event) => setSub(event.target.value)} placeholder={`${role}@${ward || 'province'}`} />
          </Field>
          <ProblemBox problem={problem} unmatched={errors.filter((error) => !['role', 'ward', 'sub'].includes(error.field))} />
          <button type="submit" disabled={busy}>{t('signIn')}</button>
        </form>
      )}
    </section>
  );
};
