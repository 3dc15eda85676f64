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
  /** Tokens already verified with a key fixed for the process's life; null with a JWKS, whose keys may be withdrawn. */
  private readonly verified: VerifiedTokens | null;

  /** `now`: the clock tokens are judged by (tests move it). */
  constructor(private readonly config: TokenConfig, private readonly now: () => Date = () => new Date()) {
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
    this.verified = config.JWT_JWKS_URL ? null : new VerifiedTokens();
  }

  async verify(token: string): Promise<JWTPayload> {
    const known = this.verified?.get(token);
    if (known) return this.checkTimes(known);
    const payload = this.checkTimes(await this.verifySignatureAndClaims(token));
    this.verified?.add(token, payload);
    return payload;
  }

  private async verifySignatureAndClaims(token: string): Promise<JWTPayload> {
    const skew = this.config.JWT_CLOCK_SKEW_SECONDS;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key as never, {
        algorithms: this.algorithms,
        clockTolerance: skew,
        currentDate: this.now(),
        requiredClaims: ['exp'],
        ...(this.config.JWT_ISSUER ? { issuer: this.config.JWT_ISSUER } : {}),
        ...(this.config.JWT_AUDIENCE ? { audience: this.config.JWT_AUDIENCE } : {}),
      }));
    } catch (error) {
      throw new TokenRefused(describe(error));
    }
    return payload;
  }

  /**
   * The checks that depend on the clock, on every use: jose made them when it verified the
   * token, but a token remembered from then must still be refused once it expires.
   */
  private checkTimes(payload: JWTPayload): JWTPayload {
    const skew = this.config.JWT_CLOCK_SKEW_SECONDS;
    const now = Math.floor(this.now().getTime() / 1000);
    if (payload.exp! <= now - skew) throw new TokenRefused('it has expired');
    if (payload.nbf !== undefined && payload.nbf > now + skew) throw new TokenRefused('"nbf" claim timestamp check failed');
    if (payload.iat !== undefined && payload.iat > now + skew) throw new TokenRefused('"iat" is in the future');
    const start = payload.iat ?? now;
    const max = this.config.JWT_MAX_LIFETIME_SECONDS;
    if (payload.exp! - start > max + skew) throw new TokenRefused(`its lifetime is longer than the ${max} seconds allowed (JWT_MAX_LIFETIME_SECONDS)`);
    return payload;
  }
}

/**
 * Tokens whose signature and claims were verified, by the exact string, so an officer's next
 * request skips the HMAC or signature check and the claims' parsing (0.19 ms of the API's CPU per
 * request under the bench's mix, where every request carries a token). A different string, even
 * one byte, is a different token and is verified in full. Bounded: the oldest is forgotten
 * first, and a token longer than any real one is never kept.
 */
class VerifiedTokens {
  private readonly tokens = new Map<string, JWTPayload>();

  static readonly MAX_TOKENS = 4096;
  static readonly MAX_TOKEN_LENGTH = 4096;

  get(token: string): JWTPayload | undefined {
    return this.tokens.get(token);
  }

  add(token: string, payload: JWTPayload): void {
    if (token.length > VerifiedTokens.MAX_TOKEN_LENGTH) return;
    if (this.tokens.size >= VerifiedTokens.MAX_TOKENS) this.tokens.delete(this.tokens.keys().next().value!);
    this.tokens.set(token, Object.freeze({ ...payload }));
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
