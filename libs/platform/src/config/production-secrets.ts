import { ConfigInvalid, type AppConfig } from './app-config';

/**
 * The secrets the source publishes as defaults, so that trial mode runs with nothing set. Any
 * of them outside trial mode lets whoever read the source mint tokens or recompute beneficiary
 * keys; a deployment must bring its own.
 */
export const DEVELOPMENT_SECRETS = {
  JWT_SECRET: ['relief-ledger-development-secret-change-me'],
  CITIZEN_KEY_SECRET: ['relief-ledger-development-citizen-key'],
} as const;

type SecretConfig = Pick<AppConfig, 'DATABASE_URL' | 'JWT_SECRET' | 'CITIZEN_KEY_SECRET' | 'JWT_PUBLIC_KEY' | 'JWT_JWKS_URL'>;

/**
 * Outside trial mode (DATABASE_URL set) the service refuses to start on a missing or development
 * secret, one line per variable, naming it. `env` is the raw environment: a default the config
 * filled in counts as missing. JWT_SECRET is not needed when tokens are verified with a public
 * key or a JWKS (HS256 is then refused).
 */
export const requireProductionSecrets = (config: SecretConfig, env: Record<string, unknown>): void => {
  if (config.DATABASE_URL === undefined) return;
  const needed: (keyof typeof DEVELOPMENT_SECRETS)[] = ['CITIZEN_KEY_SECRET'];
  if (!config.JWT_PUBLIC_KEY && !config.JWT_JWKS_URL) needed.unshift('JWT_SECRET');
  const lines = needed.flatMap((name) => {
    const given = env[name];
    if (typeof given !== 'string' || given === '') return [`invalid configuration: ${name}: required outside trial mode (DATABASE_URL is set): a secret of your own, at least 16 characters`];
    if ((DEVELOPMENT_SECRETS[name] as readonly string[]).includes(given)) return [`invalid configuration: ${name}: the development default published in the source is refused outside trial mode (DATABASE_URL is set); set a secret of your own`];
    return [];
  });
  if (lines.length > 0) throw new ConfigInvalid(lines.join('\n'));
};
