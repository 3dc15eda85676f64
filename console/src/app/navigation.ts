import type { MessageKey } from '../i18n/i18n';

export interface NavItem {
  path: string;
  label: MessageKey;
  roles: string[];
}

const OFFICERS = ['intake-officer', 'village-reviewer', 'ward-approver', 'district-appraiser', 'social-insurance-officer', 'tax-officer', 'province-approver', 'lender-officer', 'treasurer'];

/** Roles that perform a step a ward's list can take (the programme's steps but intake, payment and the provincial decision). */
const LIST_OFFICERS = ['intake-officer', 'village-reviewer', 'ward-approver', 'district-appraiser', 'social-insurance-officer', 'tax-officer'];

/**
 * Pages by role: officers work the ward's list, auditors and inspectors read every ward's cases,
 * dashboards, alerts and each officer's activity.
 */
export const NAV: NavItem[] = [
  { path: 'worklist', label: 'navWorklist', roles: [...OFFICERS, 'auditor', 'inspector', 'admin'] },
  { path: 'intake', label: 'navIntake', roles: ['intake-officer'] },
  { path: 'imports', label: 'navImports', roles: ['intake-officer'] },
  { path: 'lists', label: 'navLists', roles: LIST_OFFICERS },
  { path: 'payments-back', label: 'navPaymentsBack', roles: ['treasurer'] },
  { path: 'reconciliation', label: 'navReconciliation', roles: ['treasurer', 'auditor', 'inspector'] },
  { path: 'applications', label: 'navCase', roles: [...OFFICERS, 'auditor', 'inspector', 'admin'] },
  { path: 'alerts', label: 'navAlerts', roles: ['inspector', 'auditor', 'admin'] },
  { path: 'beneficiaries', label: 'navBeneficiary', roles: ['inspector', 'auditor', 'admin'] },
  { path: 'activity', label: 'navActivity', roles: ['inspector', 'auditor'] },
  { path: 'dashboard', label: 'navDashboard', roles: [...OFFICERS, 'auditor', 'inspector', 'admin'] },
];

/** Where a route may lead this user: a page of theirs, or a case (the API decides whether they may read it). */
export const allowedPage = (roles: readonly string[], page: string | undefined): boolean =>
  page === 'applications' || navFor(roles).some((item) => item.path === page);

export const navFor = (roles: readonly string[]): NavItem[] => NAV.filter((item) => item.roles.some((role) => roles.includes(role)));
