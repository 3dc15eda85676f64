import { fraudRule, identityProfileOf, identityWeightsOf, scoreIdentityProfiles, type IdentityRecord, type ProgrammeDefinition } from '@lib/domain';
import type { CaseFacts } from '../case-facts';
import { reason } from './alert-reason';
import { findingOf, type Evidence, type Finding } from './finding';

const recordOf = (facts: CaseFacts): IdentityRecord | null => {
  if (!facts.dateOfBirth || !facts.homeKey) return null;
  const [ward, ...address] = facts.homeKey.split('|');
  return { citizenId: facts.citizenId, fullName: facts.fullName, dateOfBirth: facts.dateOfBirth, ward, address: address.join('|'), phone: facts.phone, bankAccount: facts.bankAccount };
};

const submittedPiece = (facts: CaseFacts): Evidence => ({ applicationId: facts.applicationId, ward: facts.ward, position: facts.submittedPosition, at: facts.submittedAt });

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
export const detectIdentity = (identityKey: string, apps: readonly CaseFacts[], programme: ProgrammeDefinition): Finding[] => {
  const weights = identityWeightsOf(fraudRule(programme.fraudRules, 'F20')?.thresholds);
  if (!weights) return [];
  const sorted = [...apps].sort((a, b) => a.submittedPosition - b.submittedPosition);
  const profiles = sorted.map((facts) => {
    const record = recordOf(facts);
    return record && identityProfileOf(record);
  });
  // Counted as they are found, only the listed pairs kept: a ring of hundreds makes tens of thousands.
  const members = new Set<number>();
  const listed: IdentityPair[] = [];
  let total = 0;
  let best = 0;
  let raisedBy = Infinity;
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const [a, b] = [profiles[i], profiles[j]];
      const match = a && b ? scoreIdentityProfiles(a, b, weights) : null;
      if (!match?.probable) continue;
      total += 1;
      members.add(i).add(j);
      best = Math.max(best, match.score);
      raisedBy = Math.min(raisedBy, j);
      if (listed.length < STORED_IDENTITY_PAIRS) {
        listed.push({
          applicationIds: [sorted[i].applicationId, sorted[j].applicationId],
          citizenIds: [sorted[i].citizenId, sorted[j].citizenId],
          documentKinds: match.documentKinds,
          matched: match.matched,
          score: match.score,
        });
      }
    }
  }
  if (total === 0) return [];
  const named = [...members].map((index) => sorted[index]);
  const ids = [...new Set(named.map((facts) => facts.citizenId))].sort();
  const finding = findingOf('F20', `identity:${identityKey}`, programme, named.map(submittedPiece),
    [reason('alert.probable-same-person', { count: ids.length, citizenIds: ids, score: best, minScore: weights.minScore })], submittedPiece(sorted[raisedBy]));
  return [{ ...finding, details: { kind: 'probable-same-person', minScore: weights.minScore, pairs: listed, pairsTotal: total } }];
};
