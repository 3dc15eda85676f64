import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '@lib/platform';

type TokenConfig = Pick<AppConfig, 'JWT_SECRET' | 'JWT_PUBLIC_KEY' | 'JWT_JWKS_URL' | 'JWT_JWKS_REFETCH_SECONDS' | 'JWT_MAX_LIFETIME_SECONDS' | 'JWT_CLOCK_SKEW_SECONDS' | 'JWT_ISSUER' | 'JWT_AUDIENCE'>;

export class TokenRefused extends Error {}

/** Asymmetric algorithms an identity provider may sign with; HS256 only with our own secret. */
const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

const algorithmsFor = (key: KeyObject): string[] => {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return ['RS256', 'RS384', 'RS512'];
    case 'rsa-pss':
      return ['PS256', 'PS384', 'PS512'];
    case 'ec':
      return ['ES256', 'ES384', 'ES512'];
    case 'ed25519':
      return ['EdDSA'];
    default:
      return [];
  }
};

/**
 * Verifies bearer tokens (jose): with an identity provider's JWKS (the key named by `kid`; an
 * unknown `kid` refetches the set, so keys rotate without a restart), a fixed public key, or
 * HS256 with JWT_SECRET. The algorithm follows the key, never the token's own header (`none`,
 * or HS256 signed with a public key, is refused). Every token must carry `exp`, live at most
 * JWT_MAX_LIFETIME_SECONDS, and not be issued or valid only in the future beyond the skew;
 * `iss` and `aud` are checked when configured.
 */
export class TokenVerifier {
  private readonly key: KeyObject | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly config: TokenConfig) {
    if (config.JWT_JWKS_URL) {
      this.key = createRemoteJWKSet(new URL(config.JWT_JWKS_URL), { cooldownDuration: config.JWT_JWKS_REFETCH_SECONDS * 1000, cacheMaxAge: 600_000, timeoutDuration: 5_000 });
      this.algorithms = ASYMMETRIC;
    } else if (config.JWT_PUBLIC_KEY) {
      const pem = config.JWT_PUBLIC_KEY.replace(/\\n/g, '\n');
      let key: KeyObject | null = null;
      try {
        key = createPublicKey(pem);
      } catch {
        key = null;
      }
      // A key that does not parse refuses every token (start-up already said what it got).
      this.key = key ?? createSecretKey(Buffer.from('unusable'));
      this.algorithms = key ? algorithmsFor(key) : [];
    } else {
      this.key = createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8'));
      this.algorithms = ['HS256'];
    }
  }

  async verify(token: string): Promise<JWTPayload> {
    const skew = this.config.JWT_CLOCK_SKEW_SECONDS;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key as never, {
        algorithms: this.algorithms,
        clockTolerance: skew,
        requiredClaims: ['exp'],
        ...(this.config.JWT_ISSUER ? { issuer: this.config.JWT_ISSUER } : {}),
        ...(this.config.JWT_AUDIENCE ? { audience: this.config.JWT_AUDIENCE } : {}),
      }));
    } catch (error) {
      throw new TokenRefused(describe(error));
    }
    const now = Math.floor(Date.now() / 1000);
    if (payload.iat !== undefined && payload.iat > now + skew) throw new TokenRefused('"iat" is in the future');
    const start = payload.iat ?? now;
    const max = this.config.JWT_MAX_LIFETIME_SECONDS;
    if (payload.exp! - start > max + skew) throw new TokenRefused(`its lifetime is longer than the ${max} seconds allowed (JWT_MAX_LIFETIME_SECONDS)`);
    return payload;
  }
}

/** jose's reasons are fit to show (no key material); anything else is said plainly. */
const describe = (error: unknown): string => {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message ?? String(error);
  if (code === 'ERR_JWT_EXPIRED') return 'it has expired';
  if (code === 'ERR_JWKS_NO_MATCHING_KEY') return 'no key of the identity provider matches it';
  if (code === 'ERR_JWKS_TIMEOUT' || code === 'ERR_JOSE_GENERIC') return `the identity provider's keys could not be fetched (${message})`;
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' || code === 'ERR_JOSE_ALG_NOT_ALLOWED' || code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JWT_INVALID' || code === 'ERR_JWS_INVALID') return message;
  return 'it could not be verified';
};
