import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FRAUD_RULE_IDS, fraudRule } from './fraud-rules';
import { ProgrammeDefinitionInvalid, validateProgramme } from './validate-programme';

const SHIPPED_FILE = join(__dirname, '../../../../programmes/nq42-2020.v1.json');
const shippedJson = (): any => JSON.parse(readFileSync(SHIPPED_FILE, 'utf8'));

const problemsAfter = (breakIt: (definition: any) => void): string[] => {
  const definition = shippedJson();
  breakIt(definition);
  try {
    validateProgramme(definition);
  } catch (error) {
    return (error as ProgrammeDefinitionInvalid).problems;
  }
  return [];
};

describe('fraudRules in a programme definition', () => {
  describe('when given the shipped nq42-2020 v1 definition', () => {
    const shipped = validateProgramme(shippedJson());

    it('lists every rule F1 to F20 with a severity and legal basis', () => {
      expect(Object.keys(shipped.fraudRules ?? {})).toEqual([...FRAUD_RULE_IDS]);
    });

    it('disables, with a reason, the rules its events cannot express', () => {
      for (const id of ['F18'] as const) {
        expect(fraudRule(shipped.fraudRules, id)).toBeUndefined();
        expect(shipped.fraudRules?.[id]?.why).toEqual(expect.any(String));
      }
      // Category 8 (employer loans) is part of the definition: F19 runs.
      expect(fraudRule(shipped.fraudRules, 'F19')).toBeDefined();
      expect(fraudRule(shipped.fraudRules, 'F13')?.thresholds).toEqual({ bankAccount: 3, phone: 4, address: 8, payee: 3 });
    });

    it('states where the F17 budget comes from, and that no source confirms it as the reported budget', () =>
      expect(shipped.fraudRules?.F17?.thresholdSources?.budgetVnd).toMatchObject({ source: expect.stringMatching(/S24/), confirmed: false }));
  });

  it('accepts a programme without the section (no detectors run)', () =>
    expect(problemsAfter((d) => delete d.fraudRules)).toEqual([]));

  it.each<[string, (definition: any) => void, string]>([
    ['a section that is not an object', (d) => (d.fraudRules = []), 'fraudRules must be an object keyed by rule id (F1 to F20)'],
    ['an unknown rule', (d) => (d.fraudRules.F21 = d.fraudRules.F1), 'fraudRules.F21: unknown rule; rules are F1 to F20'],
    ['F20 without its score threshold', (d) => delete d.fraudRules.F20.thresholds.minScore, 'fraudRules.F20.thresholds.minScore is required'],
    ['an unknown severity', (d) => (d.fraudRules.F1.severity = 'critical'), 'fraudRules.F1.severity must be one of low, medium, high'],
    ['no legal basis', (d) => delete d.fraudRules.F4.legalBasis, 'fraudRules.F4.legalBasis must be a non-empty string'],
    ['a cluster threshold of zero', (d) => (d.fraudRules.F13.thresholds.phone = 0), 'fraudRules.F13.thresholds.phone must be a positive whole number'],
    ['a missing cluster threshold', (d) => delete d.fraudRules.F13.thresholds.address, 'fraudRules.F13.thresholds.address is required'],
    ['a budget given as text', (d) => (d.fraudRules.F17.thresholds.budgetVnd = '200bn'), 'fraudRules.F17.thresholds.budgetVnd must be a positive whole number'],
    ['a budget without its source', (d) => delete d.fraudRules.F17.thresholdSources, 'fraudRules.F17.thresholdSources.budgetVnd is required: say where the figure comes from'],
    ['a source without saying whether it is confirmed', (d) => delete d.fraudRules.F17.thresholdSources.budgetVnd.confirmed, 'fraudRules.F17.thresholdSources.budgetVnd must be { source, note?, confirmed }'],
    ['a source for no threshold', (d) => (d.fraudRules.F13.thresholdSources = { houses: { source: 'x', confirmed: false } }), 'fraudRules.F13.thresholdSources.houses names no threshold'],
    ['a claim check on an unknown category', (d) => (d.fraudRules.F7.claimChecks['9'] = ['revenue2020']), 'fraudRules.F7.claimChecks names unknown category 9'],
    ['a claim check on an unknown field', (d) => d.fraudRules.F7.claimChecks['2'].push('turnover'), 'fraudRules.F7.claimChecks.2[3] names unknown claim field turnover'],
    ['a claim check with an unknown suffix', (d) => d.fraudRules.F9.claimChecks['4'].push('jobLostOn:lt'), 'fraudRules.F9.claimChecks.4[1] only :months-not-before may follow a field'],
  ])('refuses %s, listing the problem', (_case, breakIt, problem) => expect(problemsAfter(breakIt)).toEqual([problem]));
});
