import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '@lib/platform';
import { actorFromClaims } from './jwt-claims';
import { TokenRefused, TokenVerifier } from './token-verifier';
import { IS_PUBLIC } from '@lib/host';

/**
 * Bearer JWT on every route but the public ones, verified by TokenVerifier (jose): HS256 with
 * JWT_SECRET, a fixed public key (JWT_PUBLIC_KEY) or an identity provider's JWKS (JWT_JWKS_URL).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verifier: TokenVerifier;

  constructor(private readonly reflector: Reflector, config: ConfigService<AppConfig, true>) {
    this.verifier = new TokenVerifier({
      JWT_SECRET: config.get('JWT_SECRET', { infer: true }),
      JWT_PUBLIC_KEY: config.get('JWT_PUBLIC_KEY', { infer: true }),
      JWT_JWKS_URL: config.get('JWT_JWKS_URL', { infer: true }),
      JWT_JWKS_REFETCH_SECONDS: config.get('JWT_JWKS_REFETCH_SECONDS', { infer: true }),
      JWT_MAX_LIFETIME_SECONDS: config.get('JWT_MAX_LIFETIME_SECONDS', { infer: true }),
      JWT_CLOCK_SKEW_SECONDS: config.get('JWT_CLOCK_SKEW_SECONDS', { infer: true }),
      JWT_ISSUER: config.get('JWT_ISSUER', { infer: true }),
      JWT_AUDIENCE: config.get('JWT_AUDIENCE', { infer: true }),
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest();
    const [scheme, token] = String(request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException({ key: 'auth.token-required' });
    let claims: Record<string, unknown>;
    try {
      claims = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof TokenRefused) throw new UnauthorizedException({ key: 'auth.token-invalid', params: { reason: error.message } });
      throw error;
    }
    const actor = actorFromClaims(claims);
    if (!actor) throw new UnauthorizedException({ key: 'auth.token-claims' });
    request.actor = actor;
    // The request log line is written from the raw request (pino-http), which must know who acted.
    if (request.raw) request.raw.actor = actor;
    return true;
  }
}
