import type { MessageKey } from '../i18n/i18n';

export interface NavItem {
  path: string;
  label: MessageKey;
  roles: string[];
}

const OFFICERS = ['intake-officer', 'village-reviewer', 'ward-approver', 'district-appraiser', 'province-approver', 'treasurer'];

/** Pages by role: officers work the ward's list, auditors read cases, inspectors the alerts. */
export const NAV: NavItem[] = [
  { path: 'worklist', label: 'navWorklist', roles: [...OFFICERS, 'inspector', 'admin'] },
  { path: 'intake', label: 'navIntake', roles: ['intake-officer'] },
  { path: 'applications', label: 'navCase', roles: [...OFFICERS, 'auditor', 'inspector', 'admin'] },
  { path: 'alerts', label: 'navAlerts', roles: ['inspector', 'auditor', 'admin'] },
  { path: 'beneficiaries', label: 'navBeneficiary', roles: ['inspector', 'auditor', 'admin'] },
  { path: 'dashboard', label: 'navDashboard', roles: [...OFFICERS, 'inspector', 'admin'] },
];

export const navFor = (roles: readonly string[]): NavItem[] => NAV.filter((item) => item.roles.some((role) => roles.includes(role)));
