/** A business fact. Dates inside `data` are ISO-8601 strings so events survive JSON unchanged. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/** Who acts, as the identity provider asserted it. */
export interface Actor {
  readonly id: string;
  readonly roles: readonly Role[];
  readonly ward: string | null;
}

export const ROLES = [
  'intake-officer',
  'village-reviewer',
  'ward-approver',
  'district-appraiser',
  /** BHXH: confirms the furloughed workers' lists (QĐ 15, category 1). */
  'social-insurance-officer',
  /** Chi cục Thuế: appraises household businesses (QĐ 15, category 2). */
  'tax-officer',
  'province-approver',
  /** Ngân hàng Chính sách xã hội (VBSP): approves and disburses employer loans (category 8). */
  'lender-officer',
  'treasurer',
  'auditor',
  'inspector',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that act only on applications of their own ward (API.md, "ward scope"). */
export const WARD_SCOPED_ROLES: readonly Role[] = ['intake-officer', 'village-reviewer', 'ward-approver', 'treasurer'];

/** Ids, time and the acting officer come in with every command; the domain never makes them. */
export interface CommandMetadata {
  readonly actor: Actor;
  readonly now: string;
}
