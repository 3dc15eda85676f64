import { ConfigInvalid, validateConfig } from './app-config';
import { DEVELOPMENT_SECRETS, requireProductionSecrets } from './production-secrets';

const REAL = { DATABASE_URL: 'postgres://svc@db/relief', JWT_SECRET: 'a-deployment-secret-0123456789', CITIZEN_KEY_SECRET: 'a-deployment-citizen-key-0123456789' };

const refusal = (env: Record<string, string>): string => {
  try {
    requireProductionSecrets(validateConfig(env), env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigInvalid);
    return (error as Error).message;
  }
  throw new Error('the secrets were accepted');
};

describe('Secrets outside trial mode', () => {
  it('accepts secrets of the deployment', () => {
    expect(() => requireProductionSecrets(validateConfig(REAL), REAL)).not.toThrow();
  });

  it('lets trial mode (no DATABASE_URL) run on the development defaults', () => {
    expect(() => requireProductionSecrets(validateConfig({}), {})).not.toThrow();
  });

  it.each(['JWT_SECRET', 'CITIZEN_KEY_SECRET'] as const)('refuses a missing %s, naming it in one line', (name) => {
    const env: Record<string, string> = { ...REAL };
    delete env[name];
    const message = refusal(env);
    expect(message.split('\n')).toEqual([expect.stringMatching(new RegExp(`^invalid configuration: ${name}: required outside trial mode`))]);
  });

  it.each(['JWT_SECRET', 'CITIZEN_KEY_SECRET'] as const)('refuses %s set to the development default, without printing it', (name) => {
    const message = refusal({ ...REAL, [name]: DEVELOPMENT_SECRETS[name][0] });
    expect(message).toMatch(new RegExp(`^invalid configuration: ${name}: the development default`));
    expect(message).not.toContain(DEVELOPMENT_SECRETS[name][0]);
  });

  it('names both when both are missing', () => {
    expect(refusal({ DATABASE_URL: REAL.DATABASE_URL }).split('\n')).toEqual([expect.stringContaining('JWT_SECRET'), expect.stringContaining('CITIZEN_KEY_SECRET')]);
  });

  it('needs no JWT_SECRET when tokens are verified with a public key or a JWKS', () => {
    const { JWT_SECRET: _, ...rest } = REAL;
    for (const extra of [{ JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----' }, { JWT_JWKS_URL: 'https://idp.example/jwks.json' }]) {
      const env = { ...rest, ...extra };
      expect(() => requireProductionSecrets(validateConfig(env), env)).not.toThrow();
    }
  });
});
