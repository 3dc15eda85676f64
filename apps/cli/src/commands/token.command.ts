import { JwtService } from '@nestjs/jwt';
import { ROLES, type Role } from '@lib/domain';
import type { AppConfig } from '@lib/platform';

export interface TokenOptions {
  sub: string;
  role: string[];
  ward?: string;
  name?: string;
  expires: string;
}

/** A development token signed with JWT_SECRET (HS256); production tokens come from the identity provider. */
export const mintToken = (config: AppConfig, options: TokenOptions): string => {
  const unknown = options.role.filter((role) => !ROLES.includes(role as Role));
  if (unknown.length > 0) throw new Error(`unknown role ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  return new JwtService({ secret: config.JWT_SECRET }).sign(
    { sub: options.sub, name: options.name ?? options.sub, roles: options.role, ward: options.ward ?? null },
    { algorithm: 'HS256', expiresIn: options.expires as never, ...(config.JWT_ISSUER ? { issuer: config.JWT_ISSUER } : {}), ...(config.JWT_AUDIENCE ? { audience: config.JWT_AUDIENCE } : {}) },
  );
};
