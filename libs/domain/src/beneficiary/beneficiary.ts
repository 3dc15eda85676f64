import { DuplicateSupport, InvalidTransition } from '../common/domain-error';
import type { DomainEvent } from '../common/domain-event';
import { findCategory, type ProgrammeCatalog } from '../programme/programme-definition';

/**
 * One stream per person, keyed by a keyed hash of the citizen ID (never the ID itself), so that
 * "one support per person" is decided on one stream with its own expected version: two wards
 * approving the same person at once cannot both win.
 */
export type BeneficiarySupportGranted = DomainEvent<'BeneficiarySupportGranted', {
  beneficiaryKey: string;
  applicationId: string;
  programmeId: string;
  programmeVersion: number;
  category: string;
  months: string[];
  amount: number;
  ward: string;
  grantedBy: string;
  grantedAt: string;
}>;

export type BeneficiarySupportReleased = DomainEvent<'BeneficiarySupportReleased', {
  beneficiaryKey: string;
  applicationId: string;
  reason: 'rejected' | 'withdrawn';
  releasedBy: string;
  releasedAt: string;
}>;

/** A later, higher support of the same person closes this lower one (NQ 42: one support, the highest). */
export type BeneficiarySupportSuperseded = DomainEvent<'BeneficiarySupportSuperseded', {
  beneficiaryKey: string;
  applicationId: string;
  supersededBy: string;
  supersededAt: string;
}>;

/** A later approving act (the provincial decision) narrowed the months, and so the amount. */
export type BeneficiarySupportAmended = DomainEvent<'BeneficiarySupportAmended', {
  beneficiaryKey: string;
  applicationId: string;
  months: string[];
  amount: number;
  amendedBy: string;
  amendedAt: string;
}>;

export type BeneficiaryEvent = BeneficiarySupportGranted | BeneficiarySupportReleased | BeneficiarySupportSuperseded | BeneficiarySupportAmended;

export const BENEFICIARY_SCHEMA_VERSIONS: Record<BeneficiaryEvent['type'], number> = {
  BeneficiarySupportGranted: 1,
  BeneficiarySupportReleased: 1,
  BeneficiarySupportSuperseded: 1,
  BeneficiarySupportAmended: 1,
};

export interface Grant {
  applicationId: string;
  programmeId: string;
  programmeVersion: number;
  category: string;
  months: string[];
  /** The support's total: supports are compared by it. */
  amount: number;
  ward: string;
}

export interface Beneficiary {
  grants: Grant[];
}

export const initialBeneficiary = (): Beneficiary => ({ grants: [] });

export const evolveBeneficiary = (state: Beneficiary, event: BeneficiaryEvent): Beneficiary => {
  switch (event.type) {
    case 'BeneficiarySupportGranted': {
      const { applicationId, programmeId, programmeVersion, category, months, amount, ward } = event.data;
      return { grants: [...state.grants, { applicationId, programmeId, programmeVersion, category, months, amount, ward }] };
    }
    case 'BeneficiarySupportReleased':
    case 'BeneficiarySupportSuperseded':
      return { grants: state.grants.filter((grant) => grant.applicationId !== event.data.applicationId) };
    case 'BeneficiarySupportAmended': {
      const { applicationId, months, amount } = event.data;
      return { grants: state.grants.map((grant) => (grant.applicationId === applicationId ? { ...grant, months, amount } : grant)) };
    }
    default:
      return state;
  }
};

export interface GrantSupport {
  type: 'GrantSupport';
  data: Omit<BeneficiarySupportGranted['data'], 'grantedBy' | 'grantedAt'>;
  metadata: { actorId: string; now: string };
}

export interface ReleaseSupport {
  type: 'ReleaseSupport';
  data: Omit<BeneficiarySupportReleased['data'], 'releasedBy' | 'releasedAt'>;
  metadata: { actorId: string; now: string };
}

export interface AmendSupport {
  type: 'AmendSupport';
  data: Omit<BeneficiarySupportAmended['data'], 'amendedBy' | 'amendedAt'>;
  metadata: { actorId: string; now: string };
}

export type BeneficiaryCommand = GrantSupport | ReleaseSupport | AmendSupport;

/**
 * NQ 42: a person eligible under several categories receives one support, the highest; the
 * programme's stackable categories (meritorious service) combine with any other. The same
 * category twice is allowed only for different months within the month cap (category 4 is
 * claimed month by month). Supports of other categories are compared by their totals (the
 * category's grants summed): a higher new one supersedes them, a lower or equal one is refused.
 */
const conflictsOf = (command: GrantSupport, state: Beneficiary, programmes: ProgrammeCatalog): { refused: Grant[]; superseded: Grant[]; sameCategory?: boolean } => {
  // The rules of the version the application was submitted under, not of a newer one.
  const programme = programmes(command.data.programmeId, command.data.programmeVersion);
  const stackable = programme?.combination.stackableCategories ?? [];
  const maxMonths = (programme && findCategory(programme, command.data.category)?.maxMonths) ?? Infinity;
  const sameProgramme = state.grants.filter((grant) => grant.programmeId === command.data.programmeId);
  const sameCategory = sameProgramme.filter((grant) => grant.category === command.data.category);
  const monthsHeld = sameCategory.flatMap((grant) => grant.months);
  if (sameCategory.some((grant) => grant.months.some((month) => command.data.months.includes(month)))) return { refused: sameCategory, superseded: [], sameCategory: true };
  if (monthsHeld.length + command.data.months.length > maxMonths) return { refused: sameCategory, superseded: [], sameCategory: true };
  if (stackable.includes(command.data.category)) return { refused: [], superseded: [] };
  const others = sameProgramme.filter((grant) => grant.category !== command.data.category && !stackable.includes(grant.category));
  const totals = new Map<string, number>();
  for (const grant of others) totals.set(grant.category, (totals.get(grant.category) ?? 0) + grant.amount);
  const lower = (grant: Grant) => (totals.get(grant.category) ?? 0) < command.data.amount;
  const refused = others.filter((grant) => !lower(grant));
  return refused.length > 0 ? { refused, superseded: [] } : { refused: [], superseded: others };
};

export const decideBeneficiary = (command: BeneficiaryCommand, state: Beneficiary, programmes: ProgrammeCatalog): BeneficiaryEvent[] => {
  const { actorId, now } = command.metadata;
  if (command.type === 'ReleaseSupport') {
    if (!state.grants.some((grant) => grant.applicationId === command.data.applicationId)) return [];
    return [{ type: 'BeneficiarySupportReleased', data: { ...command.data, releasedBy: actorId, releasedAt: now } }];
  }
  if (command.type === 'AmendSupport') {
    if (!state.grants.some((grant) => grant.applicationId === command.data.applicationId)) return [];
    return [{ type: 'BeneficiarySupportAmended', data: { ...command.data, amendedBy: actorId, amendedAt: now } }];
  }
  if (state.grants.some((grant) => grant.applicationId === command.data.applicationId)) {
    throw new InvalidTransition('beneficiary.already-granted');
  }
  const { refused, superseded } = conflictsOf(command, state, programmes);
  if (refused.length > 0) {
    // Only applications of the acting ward are named: another ward's file is not the caller's to read.
    const visible = refused.filter((grant) => grant.ward === command.data.ward).map((grant) => grant.applicationId);
    throw new DuplicateSupport('beneficiary.duplicate-support', visible, {
      heldCategories: [...new Set(refused.map((grant) => grant.category))],
      heldMonths: [...new Set(refused.flatMap((grant) => grant.months))].sort(),
      category: command.data.category,
      months: command.data.months,
    });
  }
  const { beneficiaryKey, applicationId } = command.data;
  return [
    ...superseded.map((grant): BeneficiarySupportSuperseded => ({
      type: 'BeneficiarySupportSuperseded',
      data: { beneficiaryKey, applicationId: grant.applicationId, supersededBy: applicationId, supersededAt: now },
    })),
    { type: 'BeneficiarySupportGranted', data: { ...command.data, grantedBy: actorId, grantedAt: now } },
  ];
};

/**
 * A household member's share (§2): where the member already holds an equal or higher support of
 * another category, the share is not granted and the member leaves the household's amount,
 * instead of the whole household being refused. The same category twice (one person in two
 * households' claims) is still duplicate support.
 */
export const decideMemberGrant = (command: GrantSupport, state: Beneficiary, programmes: ProgrammeCatalog): { events: BeneficiaryEvent[]; excluded: boolean } => {
  if (state.grants.some((grant) => grant.applicationId === command.data.applicationId)) return { events: [], excluded: false };
  const { refused, sameCategory } = conflictsOf(command, state, programmes);
  if (refused.length > 0 && !sameCategory) return { events: [], excluded: true };
  return { events: decideBeneficiary(command, state, programmes), excluded: false };
};
