import { NotPermitted } from '../common/domain-error';
import { WARD_SCOPED_ROLES, type Actor, type Role } from '../common/domain-event';
import type { StepKind } from '../programme/programme-definition';

/** Steps whose performers must all differ: one officer never checks their own work. */
export const SEGREGATED_KINDS: readonly StepKind[] = ['review', 'approval', 'decision', 'payment'];

/**
 * Steps that make an application's list (intake, public posting): whoever performed one may not
 * approve, decide or pay it (the Phú Hữu case: the ward officer who listed acquaintances).
 */
export const LISTING_KINDS: readonly StepKind[] = ['intake', 'posting'];
export const GRANTING_KINDS: readonly StepKind[] = ['approval', 'decision', 'payment'];

/** `action` names what is refused (`intake`, `step`, `payment`, …); a step's own name comes in `step`. */
export const requireRole = (actor: Actor, role: Role, action: string, step?: string): void => {
  if (!actor.roles.includes(role)) throw new NotPermitted('permission.role', 'role', { action, role, ...(step ? { step } : {}) });
};

/**
 * Authorization before state (403 before 409): an officer who holds none of the workflow's
 * roles, or only ward-scoped roles of another ward, learns nothing about the application.
 */
export const requireMayAct = (actor: Actor, ward: string, workflowRoles: readonly Role[]): void => {
  const usable = actor.roles.filter((role) => workflowRoles.includes(role));
  if (usable.length === 0) throw new NotPermitted('permission.no-workflow-role', 'role');
  if (usable.every((role) => WARD_SCOPED_ROLES.includes(role)) && actor.ward !== ward) {
    throw new NotPermitted('permission.other-ward', 'ward-scope', { actorWard: actor.ward ?? '-' });
  }
};

export const requireWard = (actor: Actor, role: Role, ward: string): void => {
  if (WARD_SCOPED_ROLES.includes(role) && actor.ward !== ward) {
    throw new NotPermitted('permission.ward', 'ward-scope', { role, actorWard: actor.ward ?? '', ward });
  }
};

/**
 * Segregation of duties: an officer who performed one review, approval, decision or payment
 * step of an application may not perform another (the Phú Hữu case: one officer both listed
 * and approved acquaintances).
 */
export const requireSegregation = (
  actor: Actor,
  step: string,
  performedBy: Record<string, string>,
  kindOf: (step: string) => StepKind | undefined,
): void => {
  const kind = kindOf(step) as StepKind;
  if (GRANTING_KINDS.includes(kind)) {
    const listed = Object.entries(performedBy).find(([other, officer]) => officer === actor.id && LISTING_KINDS.includes(kindOf(other) as StepKind));
    if (listed) {
      throw new NotPermitted('permission.listed', 'segregation-of-duties', { officer: actor.id, step: listed[0] });
    }
  }
  if (!SEGREGATED_KINDS.includes(kind)) return;
  const earlier = Object.entries(performedBy).find(
    ([other, officer]) => other !== step && officer === actor.id && SEGREGATED_KINDS.includes(kindOf(other) as StepKind),
  );
  if (earlier) {
    throw new NotPermitted('permission.segregation', 'segregation-of-duties', { officer: actor.id, step: earlier[0] });
  }
};
