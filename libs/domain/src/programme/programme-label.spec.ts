import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProgrammeDefinitionInvalid, validateProgramme } from './validate-programme';
import type { ProgrammeDefinition } from './programme-definition';

const SHIPPED_FILE = join(__dirname, '../../../../programmes/nq42-2020.v1.json');
const shippedJson = (): any => JSON.parse(readFileSync(SHIPPED_FILE, 'utf8'));

const problemsAfter = (breakIt: (definition: any) => void): string[] => {
  const definition = shippedJson();
  breakIt(definition);
  try {
    validateProgramme(definition, 'nq42-2020.v1.json');
  } catch (error) {
    return (error as ProgrammeDefinitionInvalid).problems;
  }
  throw new Error('the broken definition was accepted');
};

/** Every code of the definition that a person reads in the console, with its label if any. */
const labelled = (programme: ProgrammeDefinition) => [
  { at: 'programme', label: programme.label },
  ...programme.categories.flatMap((category) => [
    { at: `category ${category.code}`, label: category.label },
    ...category.steps.map((step) => ({ at: `category ${category.code} step ${step.name}`, label: step.label })),
    ...category.claimFields.flatMap((field) => [
      { at: `category ${category.code} field ${field.name}`, label: field.label },
      ...(field.values ?? []).map((value) => ({ at: `category ${category.code} field ${field.name} value ${value}`, label: field.valueLabels?.[value] })),
    ]),
  ]),
  ...Object.entries(programme.fraudRules ?? {}).map(([id, rule]) => ({ at: `rule ${id}`, label: rule?.label })),
];

describe('Programme labels', () => {
  describe('when the shipped nq42-2020 definition is read', () => {
    it('names every category, step, claim field, enum value and fraud rule in Vietnamese and English', () => {
      const missing = labelled(validateProgramme(shippedJson())).filter(({ label }) => !label?.vi || !label?.en);
      expect(missing.map(({ at }) => at)).toEqual([]);
    });

    it('keeps the titles it had: labels are added beside them', () => {
      const programme = validateProgramme(shippedJson());
      expect(programme.categories[3].title).toBe('NLĐ không có giao kết HĐLĐ bị mất việc làm (informal workers who lost their job)');
      expect(programme.categories[3].label).toEqual({ vi: 'NLĐ không có giao kết HĐLĐ bị mất việc làm', en: 'Informal workers who lost their job' });
      expect(programme.fraudRules?.F16).toMatchObject({ title: expect.stringMatching(/^step completed after/), recoverable: false });
    });
  });

  describe('when a label is malformed', () => {
    it('refuses a label without both languages', () => {
      expect(problemsAfter((definition) => (definition.categories[4].label = { vi: 'Người có công' }))).toEqual([
        'categories[4] (5).label must be { vi, en } with both texts non-empty',
      ]);
    });

    it('refuses a step label in a third language', () => {
      expect(problemsAfter((definition) => (definition.categories[4].steps[0].label = { vi: 'Tiếp nhận', en: 'Intake', fr: 'Réception' }))).toEqual([
        'categories[4] (5).steps[0].label has unknown languages fr; only vi and en',
      ]);
    });

    it('refuses value labels for values the enum does not have', () => {
      expect(problemsAfter((definition) => (definition.categories[3].claimFields[0].valueLabels.astronaut = { vi: 'Phi hành gia', en: 'Astronaut' }))).toEqual([
        "categories[3] (4).claimFields[0].valueLabels names astronaut, which is not one of the field's values",
      ]);
    });

    it('refuses a fraud rule whose recoverable is not a boolean', () => {
      expect(problemsAfter((definition) => (definition.fraudRules.F16.recoverable = 'no'))).toEqual(['fraudRules.F16.recoverable must be true or false']);
    });
  });

  describe('when a definition has no labels', () => {
    it('accepts it: readers fall back to the codes', () => {
      const definition = shippedJson();
      delete definition.label;
      for (const category of definition.categories) {
        delete category.label;
        for (const step of category.steps) delete step.label;
        for (const field of category.claimFields) {
          delete field.label;
          delete field.valueLabels;
        }
      }
      for (const rule of Object.values<any>(definition.fraudRules)) delete rule.label;
      expect(() => validateProgramme(definition)).not.toThrow();
    });
  });
});
