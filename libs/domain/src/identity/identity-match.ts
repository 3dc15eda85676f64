import { citizenIdKey, digitsKey, documentKind, nameKey, textKey } from './identity-keys';

/** What one application says about its applicant, as identity resolution compares it. */
export interface IdentityRecord {
  citizenId: string;
  fullName: string;
  dateOfBirth: string;
  ward: string;
  address: string;
  phone?: string | null;
  bankAccount?: string | null;
}

/** The points of each kind of agreement, and the score that makes a probable match (programme F20 thresholds). */
export interface IdentityWeights {
  minScore: number;
  nameAndBirth: number;
  address: number;
  phone: number;
  bankAccount: number;
  documentKinds: number;
}

export type IdentityEvidence = 'name' | 'dateOfBirth' | 'address' | 'phone' | 'bankAccount' | 'documentKinds';

export interface IdentityMatch {
  score: number;
  /** What agreed, for the officer to see (structured, rendered in their language). */
  matched: IdentityEvidence[];
  /** The two documents, e.g. ['cmnd', 'cccd']. */
  documentKinds: ['cmnd' | 'cccd' | 'other', 'cmnd' | 'cccd' | 'other'];
  probable: boolean;
}

/** The key two records of one person share: name without diacritics, case or spacing, and date of birth. */
export const identityKeyOf = (record: Pick<IdentityRecord, 'fullName' | 'dateOfBirth'>): string | null => {
  const name = nameKey(record.fullName);
  return name && /^\d{4}-\d{2}-\d{2}$/.test(record.dateOfBirth) ? `${name}|${record.dateOfBirth}` : null;
};

const same = (a: string | null, b: string | null): boolean => a !== null && a === b;

/**
 * A record's keys, normalised once: a group of records is compared pair by pair, and
 * normalising both records again for every pair made a group of hundreds cost hundreds of
 * thousands of Unicode normalisations per look.
 */
export interface IdentityProfile {
  idKey: string;
  key: string | null;
  ward: string;
  address: string | null;
  phone: string | null;
  bankAccount: string | null;
  documentKind: 'cmnd' | 'cccd' | 'other';
}

export const identityProfileOf = (record: IdentityRecord): IdentityProfile => {
  const idKey = citizenIdKey(record.citizenId) ?? '';
  return {
    idKey,
    key: identityKeyOf(record),
    ward: record.ward,
    address: textKey(record.address),
    phone: digitsKey(record.phone),
    bankAccount: digitsKey(record.bankAccount),
    documentKind: documentKind(idKey),
  };
};

/**
 * Scores two records under different ID numbers as one person: name and date of birth must
 * agree (nothing else is compared otherwise); the same address in the same ward, phone or bank
 * account, and one being a 9-digit CMND while the other is a 12-digit CCCD (the 2020 change of
 * document) add their points. Null when the IDs are one (that is the same person, not a match)
 * or the names and dates of birth differ.
 */
export const scoreIdentityMatch = (a: IdentityRecord, b: IdentityRecord, weights: IdentityWeights): IdentityMatch | null =>
  scoreIdentityProfiles(identityProfileOf(a), identityProfileOf(b), weights);

/** scoreIdentityMatch on records already normalised (identityProfileOf). */
export const scoreIdentityProfiles = (a: IdentityProfile, b: IdentityProfile, weights: IdentityWeights): IdentityMatch | null => {
  if (a.idKey === b.idKey) return null;
  if (!a.key || a.key !== b.key) return null;
  const matched: IdentityEvidence[] = ['name', 'dateOfBirth'];
  let score = weights.nameAndBirth;
  if (a.ward === b.ward && same(a.address, b.address)) {
    matched.push('address');
    score += weights.address;
  }
  if (same(a.phone, b.phone)) {
    matched.push('phone');
    score += weights.phone;
  }
  if (same(a.bankAccount, b.bankAccount)) {
    matched.push('bankAccount');
    score += weights.bankAccount;
  }
  const kinds: IdentityMatch['documentKinds'] = [a.documentKind, b.documentKind];
  if (kinds.includes('cmnd') && kinds.includes('cccd')) {
    matched.push('documentKinds');
    score += weights.documentKinds;
  }
  return { score, matched, documentKinds: kinds, probable: score >= weights.minScore };
};

/** The F20 weights of a programme's rule thresholds, or undefined when one is missing. */
export const identityWeightsOf = (thresholds: Readonly<Record<string, number>> | undefined): IdentityWeights | undefined => {
  if (!thresholds) return undefined;
  const names: (keyof IdentityWeights)[] = ['minScore', 'nameAndBirth', 'address', 'phone', 'bankAccount', 'documentKinds'];
  return names.every((name) => typeof thresholds[name] === 'number') ? (Object.fromEntries(names.map((name) => [name, thresholds[name]])) as unknown as IdentityWeights) : undefined;
};
