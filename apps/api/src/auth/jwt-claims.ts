import { BadRequestException } from '@nestjs/common';
import { ROLES, type Actor, type Role } from '@lib/domain';

/** As the applicant's ward in a body: a NUL or control character in the claim would reach SQL and the log. */
const WARD = /^[A-Za-z0-9-]{1,32}$/;

export interface TokenClaims {
  sub: string;
  name?: string;
  roles: Role[];
  ward?: string | null;
}

/** The claims API.md defines, checked; anything else about the token is the verifier's job. */
export const actorFromClaims = (claims: Record<string, unknown>): (Actor & { name?: string }) | null => {
  const { sub, roles, ward, name } = claims;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) return null;
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every((role) => ROLES.includes(role as Role))) return null;
  if (ward !== undefined && ward !== null && typeof ward !== 'string') return null;
  if (typeof ward === 'string' && !WARD.test(ward)) throw new BadRequestException({ key: 'auth.ward-claim', errors: [{ field: 'ward', message: 'auth.ward-claim' }], code: 'validation-failed' });
  return { id: sub, roles: roles as Role[], ward: (ward as string | undefined) ?? null, name: typeof name === 'string' ? name : undefined };
};
