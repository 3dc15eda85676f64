import { ForbiddenException } from '@nestjs/common';
import type { Actor, Role } from '@lib/domain';

/**
 * Who reads personal data (API.md, Roles: read scope). Ward officers their ward; the district
 * appraiser and the provincial approver the applications awaiting or past their step;
 * auditors and inspectors everything; admin none.
 */
export type ReadScope = 'own-ward' | 'all' | 'none' | { reachedStep: string };

export const READ_SCOPE: Record<Role, ReadScope> = {
  'intake-officer': 'own-ward',
  'village-reviewer': 'own-ward',
  'ward-approver': 'own-ward',
  treasurer: 'own-ward',
  'district-appraiser': { reachedStep: 'district-appraisal' },
  'province-approver': { reachedStep: 'provincial-decision' },
  'social-insurance-officer': { reachedStep: 'social-insurance-confirmation' },
  'tax-officer': { reachedStep: 'tax-appraisal' },
  'lender-officer': { reachedStep: 'loan-approval' },
  auditor: 'all',
  inspector: 'all',
  admin: 'none',
};

/** Roles that see aggregates (counts, amounts) of every ward: audit, inspection, the levels above and admin. */
const AGGREGATES_ANY_WARD: readonly Role[] = ['auditor', 'inspector', 'admin', 'district-appraiser', 'social-insurance-officer', 'tax-officer', 'lender-officer', 'province-approver'];

/** Reads every ward's aggregates (dashboards, overdue counts), which hold no personal data. */
export const readsAnyWard = (actor: Actor): boolean => actor.roles.some((role) => AGGREGATES_ANY_WARD.includes(role));

/** A ward's aggregates (the dashboard): its own officers, and readers of every ward's aggregates. */
export const requireAggregateAccess = (actor: Actor, ward: string): void => {
  if (readsAnyWard(actor) || actor.ward === ward) return;
  throw new ForbiddenException({ key: 'read.other-ward', params: { actorWard: actor.ward ?? '—', ward } });
};

/** Reads every ward's personal data. */
export const readsAllPersonalData = (actor: Actor): boolean => actor.roles.some((role) => READ_SCOPE[role] === 'all');

/** The steps whose applications (awaiting or past them) this actor reads in any ward. */
export const reachedStepsOf = (actor: Actor): string[] =>
  actor.roles.flatMap((role) => {
    const scope = READ_SCOPE[role];
    return typeof scope === 'object' ? [scope.reachedStep] : [];
  });

export const readsOwnWard = (actor: Actor): boolean => actor.ward !== null && actor.roles.some((role) => READ_SCOPE[role] === 'own-ward');

/** Where an application stands: its ward, its workflow's steps and the index of the next one. */
export interface ScopedApplication {
  ward: string;
  steps?: string[];
  nextStep?: number;
}

const reached = (application: ScopedApplication, step: string): boolean => {
  const index = (application.steps ?? []).indexOf(step);
  return index >= 0 && application.nextStep !== undefined && index <= application.nextStep;
};

/** Throws 403 unless the actor may read this application's personal data. */
export const requireReadAccess = (actor: Actor, application: ScopedApplication | string): void => {
  const target = typeof application === 'string' ? { ward: application } : application;
  if (readsAllPersonalData(actor)) return;
  if (readsOwnWard(actor) && actor.ward === target.ward) return;
  if (reachedStepsOf(actor).some((step) => reached(target, step))) return;
  throw new ForbiddenException({ key: 'read.out-of-scope', params: { roles: actor.roles, actorWard: actor.ward ?? '—' } });
};

/**
 * The filter a list or export runs with: every ward for auditors and inspectors, the officer's
 * own ward, or (district, province) the applications awaiting or past their step in any ward.
 */
export const listScope = (actor: Actor, ward: string | undefined): { ward?: string; reachedSteps?: string[] } => {
  if (readsAllPersonalData(actor)) return { ward };
  const steps = reachedStepsOf(actor);
  if (readsOwnWard(actor) && (ward ?? actor.ward) === actor.ward && steps.length === 0) return { ward: actor.ward! };
  if (steps.length > 0) return { ward, reachedSteps: steps };
  throw readsOwnWard(actor)
    ? new ForbiddenException({ key: 'read.own-ward-only', params: { actorWard: actor.ward ?? '—' } })
    : new ForbiddenException({ key: 'read.no-personal-data', params: { roles: actor.roles } });
};

/** `_what` names the refused read in code; the answer names the roles that may. */
export const requireRole = (actor: Actor, roles: readonly Role[], _what: string): void => {
  if (!actor.roles.some((role) => roles.includes(role))) throw new ForbiddenException({ key: 'read.roles', params: { roles } });
};
