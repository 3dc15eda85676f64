import { fraudRule, identityWeightsOf, scoreIdentityMatch, type IdentityRecord, type ProgrammeDefinition } from '@lib/domain';
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
 * F20: applications under different ID numbers whose name and date of birth agree (the group
 * shares `identityKey`), scored pair by pair with the programme's weights; every pair at or above
 * `minScore` joins one alert per identity. Raised when the first such pair exists: at the later
 * submission of the two. The details name each pair, what agreed and its score.
 */
export const detectIdentity = (identityKey: string, apps: readonly CaseFacts[], programme: ProgrammeDefinition): Finding[] => {
  const weights = identityWeightsOf(fraudRule(programme.fraudRules, 'F20')?.thresholds);
  if (!weights) return [];
  const sorted = [...apps].sort((a, b) => a.submittedPosition - b.submittedPosition);
  const pairs: { pair: IdentityPair; later: CaseFacts; first: CaseFacts }[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const [a, b] = [recordOf(sorted[i]), recordOf(sorted[j])];
      const match = a && b ? scoreIdentityMatch(a, b, weights) : null;
      if (!match?.probable) continue;
      pairs.push({
        first: sorted[i],
        later: sorted[j],
        pair: {
          applicationIds: [sorted[i].applicationId, sorted[j].applicationId],
          citizenIds: [sorted[i].citizenId, sorted[j].citizenId],
          documentKinds: match.documentKinds,
          matched: match.matched,
          score: match.score,
        },
      });
    }
  }
  if (pairs.length === 0) return [];
  const members = new Map<string, CaseFacts>();
  for (const { first, later } of pairs) members.set(first.applicationId, first).set(later.applicationId, later);
  const raisedBy = submittedPiece(pairs.map(({ later }) => later).sort((a, b) => a.submittedPosition - b.submittedPosition)[0]);
  const ids = [...new Set(pairs.flatMap(({ pair }) => pair.citizenIds))].sort();
  const best = Math.max(...pairs.map(({ pair }) => pair.score));
  const finding = findingOf('F20', `identity:${identityKey}`, programme, [...members.values()].map(submittedPiece),
    [reason('alert.probable-same-person', { count: ids.length, citizenIds: ids, score: best, minScore: weights.minScore })], raisedBy);
  return [{ ...finding, details: { kind: 'probable-same-person', minScore: weights.minScore, pairs: pairs.map(({ pair }) => pair) } }];
};
