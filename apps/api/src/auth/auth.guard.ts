import { createPublicKey, createSecretKey } from 'node:crypto';
import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@lib/platform';
import { actorFromClaims } from './jwt-claims';
import { IS_PUBLIC } from '@lib/host';

/**
 * Bearer JWT on every route but the public ones. HS256 with JWT_SECRET, or RS256 with
 * JWT_PUBLIC_KEY for an external identity provider; the algorithm is pinned, so a token
 * that names another one (`none` included) is refused.
 */
/** A key that does not parse is left as given: verification then refuses every token, as before. */
const keyObjectOr = (pem: string): string => {
  try {
    return createPublicKey(pem) as unknown as string;
  } catch {
    return pem;
  }
};

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verifyOptions;

  constructor(private readonly reflector: Reflector, private readonly jwt: JwtService, config: ConfigService<AppConfig, true>) {
    const publicKey = config.get('JWT_PUBLIC_KEY', { infer: true });
    // Key objects made once: given a string, jsonwebtoken tries to parse it as a PEM public key
    // on every request, fails, and only then makes a secret key of it (a seventh of the API's
    // CPU under load, measured with --cpu-prof).
    this.verifyOptions = publicKey
      ? { publicKey: keyObjectOr(publicKey.replace(/\\n/g, '\n')), algorithms: ['RS256' as const] }
      : { secret: createSecretKey(Buffer.from(config.get('JWT_SECRET', { infer: true }), 'utf8')) as unknown as string, algorithms: ['HS256' as const] };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest();
    const [scheme, token] = String(request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException({ key: 'auth.token-required' });
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync(token, this.verifyOptions);
    } catch (error) {
      throw new UnauthorizedException({ key: 'auth.token-invalid', params: { reason: (error as Error).message } });
    }
    const actor = actorFromClaims(claims);
    if (!actor) throw new UnauthorizedException({ key: 'auth.token-claims' });
    request.actor = actor;
    // The request log line is written from the raw request (pino-http), which must know who acted.
    if (request.raw) request.raw.actor = actor;
    return true;
  }
}
