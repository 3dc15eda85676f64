import { fraudRule, identityProfileOf, identityWeightsOf, scoreIdentityProfiles, type IdentityRecord, type ProgrammeDefinition } from '@lib/domain';
import type { CaseFacts } from '../case-facts';

/** What F20 reads of an application: its identity as filed and where it was filed. */
export type IdentityFacts = Pick<CaseFacts, 'applicationId' | 'programmeId' | 'programmeVersion' | 'citizenId' | 'fullName' | 'dateOfBirth' | 'homeKey' | 'phone' | 'bankAccount' | 'ward' | 'identityKey' | 'submittedPosition' | 'submittedAt'>;

/** The fields of IdentityFacts, for reading only them from the stored facts. */
export const IDENTITY_FACT_FIELDS: readonly (keyof IdentityFacts)[] = [
  'applicationId', 'programmeId', 'programmeVersion', 'citizenId', 'fullName', 'dateOfBirth', 'homeKey', 'phone', 'bankAccount', 'ward', 'identityKey', 'submittedPosition', 'submittedAt',
];
import { reason } from './alert-reason';
import { findingOf, membersOf, type Evidence, type Finding } from './finding';

const recordOf = (facts: IdentityFacts): IdentityRecord | null => {
  if (!facts.dateOfBirth || !facts.homeKey) return null;
  const [ward, ...address] = facts.homeKey.split('|');
  return { citizenId: facts.citizenId, fullName: facts.fullName, dateOfBirth: facts.dateOfBirth, ward, address: address.join('|'), phone: facts.phone, bankAccount: facts.bankAccount };
};

const submittedPiece = (facts: IdentityFacts): Evidence => ({ applicationId: facts.applicationId, ward: facts.ward, position: facts.submittedPosition, at: facts.submittedAt });

export interface IdentityPair {
  applicationIds: [string, string];
  citizenIds: [string, string];
  documentKinds: [string, string];
  matched: string[];
  score: number;
}

/**
 * The pairs an alert's details list: a ring of hundreds of IDs under one name and birthday
 * (one phone for all) makes tens of thousands of pairs, megabytes rewritten on every batch. The
 * alert still names every application and counts every ID; `pairsTotal` says how many there are.
 */
export const STORED_IDENTITY_PAIRS = 100;

/**
 * F20: applications under different ID numbers whose name and date of birth agree (the group
 * shares `identityKey`), scored pair by pair with the programme's weights; every pair at or above
 * `minScore` joins one alert per identity. Raised when the first such pair exists: at the later
 * submission of the two. The details name the first pairs (STORED_IDENTITY_PAIRS), what agreed
 * and their score.
 */
export const detectIdentity = (identityKey: string, apps: readonly IdentityFacts[], programme: ProgrammeDefinition): Finding[] => {
  const weights = identityWeightsOf(fraudRule(programme.fraudRules, 'F20')?.thresholds);
  if (!weights) return [];
  const sorted = [...apps].sort((a, b) => a.submittedPosition - b.submittedPosition);
  const found = scanPairs(sorted, weights, 0);
  if (found.total === 0) return [];
  const named = [...found.members].map((index) => sorted[index]);
  const ids = [...new Set(named.map((facts) => facts.citizenId))].sort();
  return [identityFinding(identityKey, programme, weights.minScore, named, ids, found.best, sorted[found.raisedBy], found.listed, found.total)];
};

/** What an F20 alert already says (its reason's params and details), for growing it. */
export interface StoredIdentityAlert {
  citizenIds: string[];
  score: number;
  pairs: IdentityPair[];
  pairsTotal: number;
}

/**
 * F20 grown by the applications first seen in this batch (`fresh`) in a group whose alert is
 * raised: only the pairs with a fresh member are scored, and merged with what the alert holds.
 * The first pairs of the whole group, in filing order, are among the stored ones and the new
 * ones, so the listed pairs, the count of IDs, the best score and the pair total are those of
 * detectIdentity over the whole group. The upsert adds the new applications to the alert's
 * members (alert-members.ts) and keeps its earliest raise.
 */
export const growIdentity = (identityKey: string, apps: readonly IdentityFacts[], fresh: ReadonlySet<string>, stored: StoredIdentityAlert, programme: ProgrammeDefinition): Finding[] => {
  const weights = identityWeightsOf(fraudRule(programme.fraudRules, 'F20')?.thresholds);
  if (!weights) return [];
  const sorted = [...apps].sort((a, b) => a.submittedPosition - b.submittedPosition);
  const first = sorted.findIndex((facts) => fresh.has(facts.applicationId));
  if (first < 0) return [];
  // Only pairs with a fresh member are new. The log is read in commit order, and an application
  // committed later may have been filed (given its position) before some already in the alert:
  // pairs between two of those are counted in the stored total already.
  const isFresh = sorted.map((facts) => fresh.has(facts.applicationId));
  const found = scanPairs(sorted, weights, first, STORED_IDENTITY_PAIRS, (i, j) => isFresh[i] || isFresh[j]);
  if (found.total === 0) return [];
  const named = [...found.members].map((index) => sorted[index]);
  const ids = [...new Set([...stored.citizenIds, ...named.map((facts) => facts.citizenId)])].sort();
  const order = new Map(sorted.map((facts, index) => [facts.applicationId, index]));
  const rank = (pair: IdentityPair) => [order.get(pair.applicationIds[0]) ?? -1, order.get(pair.applicationIds[1]) ?? -1];
  const listed = [...stored.pairs, ...found.listed]
    .sort((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      return ra[0] - rb[0] || ra[1] - rb[1];
    })
    .slice(0, STORED_IDENTITY_PAIRS);
  return [identityFinding(identityKey, programme, weights.minScore, named, ids, Math.max(stored.score, found.best), sorted[found.raisedBy], listed, stored.pairsTotal + found.total)];
};

/**
 * The probable pairs whose later member is at `from` or after (and that `wanted` takes), in filing order (first member,
 * then later one), counted as they are found; only the first `keep` kept as objects: a ring of
 * hundreds makes tens of thousands.
 */
const scanPairs = (
  sorted: readonly IdentityFacts[],
  weights: NonNullable<ReturnType<typeof identityWeightsOf>>,
  from: number,
  keep = STORED_IDENTITY_PAIRS,
  wanted: (i: number, j: number) => boolean = () => true,
) => {
  const profiles = sorted.map((facts) => {
    const record = recordOf(facts);
    return record && identityProfileOf(record);
  });
  const found = { members: new Set<number>(), listed: [] as IdentityPair[], total: 0, best: 0, raisedBy: Number.POSITIVE_INFINITY };
  const probable = (i: number, j: number) => {
    const [a, b] = [profiles[i], profiles[j]];
    const match = a && b ? scoreIdentityProfiles(a, b, weights) : null;
    if (!match?.probable) return;
    found.total += 1;
    found.members.add(i).add(j);
    found.best = Math.max(found.best, match.score);
    found.raisedBy = Math.min(found.raisedBy, j);
    if (found.listed.length < keep) {
      found.listed.push({
        applicationIds: [sorted[i].applicationId, sorted[j].applicationId],
        citizenIds: [sorted[i].citizenId, sorted[j].citizenId],
        documentKinds: match.documentKinds,
        matched: match.matched,
        score: match.score,
      });
    }
  };
  // Filing order of the pairs: by first member, then later one.
  for (let i = 0; i < sorted.length; i++) for (let j = Math.max(i + 1, from); j < sorted.length; j++) if (wanted(i, j)) probable(i, j);
  return found;
};

const identityFinding = (identityKey: string, programme: ProgrammeDefinition, minScore: number, named: readonly IdentityFacts[], ids: string[], best: number, raisedBy: IdentityFacts, listed: IdentityPair[], total: number): Finding => {
  const finding = findingOf('F20', `identity:${identityKey}`, programme, named.map(submittedPiece),
    [reason('alert.probable-same-person', { count: ids.length, citizenIds: ids, score: best, minScore })], submittedPiece(raisedBy));
  // The applications are the alert's members (alert-members.ts), raised or grown: a ring of thousands is not rewritten by every batch.
  return { ...finding, details: { kind: 'probable-same-person', minScore, pairs: listed, pairsTotal: total }, members: membersOf(named.map(submittedPiece)) };
};
