import type { AppConfig } from '@lib/platform';

/**
 * The console's development sign-in exists only in trial mode (DATABASE_URL unset) or when
 * DEV_SIGN_IN=true, and never when tokens come from an external identity provider (a public key or a JWKS):
 * tokens it mints would not verify there, and minting them is the provider's job.
 */
export const devSignInEnabled = (config: Pick<AppConfig, 'DEV_SIGN_IN' | 'DATABASE_URL' | 'JWT_PUBLIC_KEY' | 'JWT_JWKS_URL'>): boolean => {
  if (config.JWT_PUBLIC_KEY || config.JWT_JWKS_URL) return false;
  if (config.DEV_SIGN_IN !== undefined) return config.DEV_SIGN_IN === 'true';
  return config.DATABASE_URL === undefined;
};
