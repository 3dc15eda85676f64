import { FRAUD_RULE_IDS, type ProgrammeDefinition } from '@lib/domain';

/** GET /programmes/{id} (API.md), with each code's Vietnamese and English words (`label`) where the definition gives them. */
export const programmeView = (programme: ProgrammeDefinition) => ({
  id: programme.id,
  version: programme.version,
  title: programme.title,
  label: programme.label,
  currency: programme.currency,
  legalBasis: programme.legalBasis,
  combination: programme.combination,
  calendar: programme.calendar,
  categories: programme.categories.map((category) => ({
    code: category.code,
    title: category.title,
    label: category.label,
    legalBasis: category.legalBasis,
    legalBasisLabel: category.legalBasisLabel,
    rate: category.rate,
    unit: category.unit,
    maxMonths: category.maxMonths,
    window: category.window,
    payment: category.payment,
    claimFields: category.claimFields,
    ...(category.members ? { members: category.members } : {}),
    ...(category.loan ? { loan: category.loan } : {}),
    conditions: category.conditions,
    steps: category.steps.map(({ name, label, kind, role, timeLimitWorkingDays, countFrom, minWorkingDays, legalBasis, legalBasisLabel }) => ({
      name, label, kind, role, timeLimitWorkingDays, countFrom, minWorkingDays, legalBasis, legalBasisLabel,
    })),
  })),
  // The rules in F1…F19 order, disabled ones included so an old alert still finds its title.
  fraudRules: FRAUD_RULE_IDS.flatMap((id) => {
    const rule = programme.fraudRules?.[id];
    if (!rule) return [];
    return [{ id, title: rule.title, label: rule.label, severity: rule.severity, legalBasis: rule.legalBasis, legalBasisLabel: rule.legalBasisLabel, enabled: rule.enabled !== false, recoverable: rule.recoverable !== false }];
  }),
});
