import { conditionHolds, type CategoryDefinition } from '@lib/domain';

const monthsNotBefore = (claim: Record<string, unknown>, field: string): boolean => {
  const months = Array.isArray(claim.months) ? (claim.months as unknown[]) : [];
  return months.every((month) => typeof month === 'string' && month >= String(claim[field]).slice(0, 7));
};

/**
 * Re-runs, on a claim as stored, the checks a fraud rule names (see FraudRuleDefinition
 * .claimChecks). Legacy claims may hold anything, so this never throws: a value of the wrong
 * type simply fails. Returns one reason per failed check.
 */
export const failedClaimChecks = (category: CategoryDefinition, claim: Record<string, unknown>, specs: readonly string[]): string[] => {
  const reasons: string[] = [];
  for (const spec of specs) {
    const [head, tail] = spec.split(':');
    if (head === 'present') {
      const value = claim[tail];
      if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) reasons.push(`${tail} is missing`);
      continue;
    }
    const field = head;
    const value = claim[field];
    if (tail === 'months-not-before') {
      if (value !== undefined && !monthsNotBefore(claim, field)) reasons.push(`months claimed before ${field} ${String(value)}`);
      continue;
    }
    const definition = category.claimFields.find((candidate) => candidate.name === field);
    if (value === undefined || value === null || value === '') {
      if (definition?.required) reasons.push(`${field} is missing`);
      continue;
    }
    if (definition?.type === 'enum' && !(definition.values ?? []).includes(value as string)) {
      reasons.push(`${field} ${String(value)} is not one of ${(definition.values ?? []).join(', ')}`);
    }
    // The decider's own evaluation, so history is judged as intake judged it (field comparisons included).
    for (const condition of category.conditions.filter((candidate) => candidate.field === field && !candidate.op.startsWith('months-') && candidate.op !== 'filed-after-day')) {
      if (conditionHolds(condition, claim) === false) reasons.push(`${field} ${String(value)}: ${condition.message}`);
    }
  }
  return reasons;
};
