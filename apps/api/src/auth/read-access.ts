import { ForbiddenException } from '@nestjs/common';
import type { Actor, Role } from '@lib/domain';

/** Roles that read across wards: audit, inspection and the levels above the ward. */
const ANY_WARD: readonly Role[] = ['auditor', 'inspector', 'admin', 'district-appraiser', 'social-insurance-officer', 'tax-officer', 'province-approver'];

export const readsAnyWard = (actor: Actor): boolean => actor.roles.some((role) => ANY_WARD.includes(role));

/** API.md: the ward's own officers, auditors and inspectors read an application. */
export const requireReadAccess = (actor: Actor, ward: string): void => {
  if (readsAnyWard(actor) || actor.ward === ward) return;
  throw new ForbiddenException(`officers of ward ${actor.ward ?? '(none)'} cannot read applications of ward ${ward}`);
};

export const requireRole = (actor: Actor, roles: readonly Role[], what: string): void => {
  if (!actor.roles.some((role) => roles.includes(role))) throw new ForbiddenException(`${what} is for ${roles.join(', ')}`);
};
