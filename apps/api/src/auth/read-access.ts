import { ForbiddenException } from '@nestjs/common';
import type { Actor, Role } from '@lib/domain';

/** Roles that read across wards: audit, inspection and the levels above the ward. */
const ANY_WARD: readonly Role[] = ['auditor', 'inspector', 'admin', 'district-appraiser', 'social-insurance-officer', 'tax-officer', 'province-approver'];

export const readsAnyWard = (actor: Actor): boolean => actor.roles.some((role) => ANY_WARD.includes(role));

/** API.md: the ward's own officers, auditors and inspectors read an application. */
export const requireReadAccess = (actor: Actor, ward: string): void => {
  if (readsAnyWard(actor) || actor.ward === ward) return;
  throw new ForbiddenException({ key: 'read.other-ward', params: { actorWard: actor.ward ?? '—', ward } });
};

/** `_what` names the refused read in code; the answer names the roles that may. */
export const requireRole = (actor: Actor, roles: readonly Role[], _what: string): void => {
  if (!actor.roles.some((role) => roles.includes(role))) throw new ForbiddenException({ key: 'read.roles', params: { roles } });
};
