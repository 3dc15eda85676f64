import { conditionHolds, type CategoryDefinition, type Label } from '@lib/domain';
import { joinedLabel, reason, type AlertReason } from './alert-reason';

const monthsNotBefore = (claim: Record<string, unknown>, field: string): boolean => {
  const months = Array.isArray(claim.months) ? (claim.months as unknown[]) : [];
  return months.every((month) => typeof month === 'string' && month >= String(claim[field]).slice(0, 7));
};

/**
 * Re-runs, on a claim as stored, the checks a fraud rule names (see FraudRuleDefinition
 * .claimChecks). Legacy claims may hold anything, so this never throws: a value of the wrong
 * type simply fails. Returns one reason per failed check, naming fields and values by the
 * programme's labels where it gives them.
 */
export const failedClaimChecks = (category: CategoryDefinition, claim: Record<string, unknown>, specs: readonly string[]): AlertReason[] => {
  const reasons: AlertReason[] = [];
  const fieldOf = (name: string): Label | string => category.claimFields.find((candidate) => candidate.name === name)?.label ?? name;
  const valueOf = (name: string, value: unknown): Label | string | number => {
    if (typeof value === 'number') return value;
    const label = typeof value === 'string' ? category.claimFields.find((candidate) => candidate.name === name)?.valueLabels?.[value] : undefined;
    return label ?? String(value);
  };
  for (const spec of specs) {
    const [head, tail] = spec.split(':');
    if (head === 'present') {
      const value = claim[tail];
      if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) reasons.push(reason('alert.field-missing', { field: fieldOf(tail) }));
      continue;
    }
    const field = head;
    const value = claim[field];
    if (tail === 'months-not-before') {
      if (value !== undefined && !monthsNotBefore(claim, field)) reasons.push(reason('alert.months-before-field', { field: fieldOf(field), value: valueOf(field, value) }));
      continue;
    }
    const definition = category.claimFields.find((candidate) => candidate.name === field);
    if (value === undefined || value === null || value === '') {
      if (definition?.required) reasons.push(reason('alert.field-missing', { field: fieldOf(field) }));
      continue;
    }
    if (definition?.type === 'enum' && !(definition.values ?? []).includes(value as string)) {
      const allowed = (definition.values ?? []).map((one) => definition.valueLabels?.[one] ?? { vi: one, en: one });
      reasons.push(reason('alert.field-value-not-allowed', { field: fieldOf(field), value: valueOf(field, value), values: joinedLabel(allowed) }));
    }
    // The decider's own evaluation, so history is judged as intake judged it (field comparisons included).
    for (const condition of category.conditions.filter((candidate) => candidate.field === field && !candidate.op.startsWith('months-') && candidate.op !== 'filed-after-day')) {
      if (conditionHolds(condition, claim) === false) {
        reasons.push(reason('alert.condition-failed', { field: fieldOf(field), value: valueOf(field, value), condition: condition.messageLabel ?? condition.message }));
      }
    }
  }
  return reasons;
};
