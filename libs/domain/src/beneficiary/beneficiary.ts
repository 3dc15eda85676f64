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

export type BeneficiaryEvent = BeneficiarySupportGranted | BeneficiarySupportReleased;

export const BENEFICIARY_SCHEMA_VERSIONS: Record<BeneficiaryEvent['type'], number> = {
  BeneficiarySupportGranted: 1,
  BeneficiarySupportReleased: 1,
};

export interface Grant {
  applicationId: string;
  programmeId: string;
  programmeVersion: number;
  category: string;
  months: string[];
}

export interface Beneficiary {
  grants: Grant[];
}

export const initialBeneficiary = (): Beneficiary => ({ grants: [] });

export const evolveBeneficiary = (state: Beneficiary, event: BeneficiaryEvent): Beneficiary => {
  switch (event.type) {
    case 'BeneficiarySupportGranted': {
      const { applicationId, programmeId, programmeVersion, category, months } = event.data;
      return { grants: [...state.grants, { applicationId, programmeId, programmeVersion, category, months }] };
    }
    case 'BeneficiarySupportReleased':
      return { grants: state.grants.filter((grant) => grant.applicationId !== event.data.applicationId) };
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

export type BeneficiaryCommand = GrantSupport | ReleaseSupport;

/**
 * NQ 42: a person eligible under several categories receives one support, the highest; the
 * programme's stackable categories (meritorious service) combine with any other. The same
 * category twice is allowed only for different months within the month cap (category 4 is
 * claimed month by month).
 */
const conflictsOf = (command: GrantSupport, state: Beneficiary, programmes: ProgrammeCatalog): Grant[] => {
  // The rules of the version the application was submitted under, not of a newer one.
  const programme = programmes(command.data.programmeId, command.data.programmeVersion);
  const stackable = programme?.combination.stackableCategories ?? [];
  const maxMonths = (programme && findCategory(programme, command.data.category)?.maxMonths) ?? Infinity;
  const sameProgramme = state.grants.filter((grant) => grant.programmeId === command.data.programmeId);
  const sameCategory = sameProgramme.filter((grant) => grant.category === command.data.category);
  const monthsHeld = sameCategory.flatMap((grant) => grant.months);
  if (sameCategory.some((grant) => grant.months.some((month) => command.data.months.includes(month)))) return sameCategory;
  if (monthsHeld.length + command.data.months.length > maxMonths) return sameCategory;
  if (stackable.includes(command.data.category)) return [];
  return sameProgramme.filter((grant) => grant.category !== command.data.category && !stackable.includes(grant.category));
};

export const decideBeneficiary = (command: BeneficiaryCommand, state: Beneficiary, programmes: ProgrammeCatalog): BeneficiaryEvent[] => {
  const { actorId, now } = command.metadata;
  if (command.type === 'ReleaseSupport') {
    if (!state.grants.some((grant) => grant.applicationId === command.data.applicationId)) return [];
    return [{ type: 'BeneficiarySupportReleased', data: { ...command.data, releasedBy: actorId, releasedAt: now } }];
  }
  if (state.grants.some((grant) => grant.applicationId === command.data.applicationId)) {
    throw new InvalidTransition('beneficiary.already-granted');
  }
  const conflicts = conflictsOf(command, state, programmes);
  if (conflicts.length > 0) {
    const ids = conflicts.map((grant) => grant.applicationId);
    throw new DuplicateSupport('beneficiary.duplicate-support', ids, {
      heldCategories: [...new Set(conflicts.map((grant) => grant.category))],
      heldMonths: [...new Set(conflicts.flatMap((grant) => grant.months))].sort(),
      category: command.data.category,
      months: command.data.months,
    });
  }
  return [{ type: 'BeneficiarySupportGranted', data: { ...command.data, grantedBy: actorId, grantedAt: now } }];
};
