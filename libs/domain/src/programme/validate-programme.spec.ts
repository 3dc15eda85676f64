import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgrammeDefinition } from './programme-definition';
import { ProgrammeDefinitionInvalid, validateProgramme } from './validate-programme';

const SHIPPED_FILE = join(__dirname, '../../../../programmes/nq42-2020.v1.json');

/** The shipped definition as raw JSON, fresh for each mutation. */
const shippedJson = (): any => JSON.parse(readFileSync(SHIPPED_FILE, 'utf8'));

/** Category 5 (meritorious service): no countFrom or posting, so each break shows on its own. */
const CAT5 = 'categories[4] (5)';
const cat5 = (definition: any) => definition.categories[4];
const cat4 = (definition: any) => definition.categories[3];

/** The problems validateProgramme lists for the shipped definition after `breakIt`. */
const problemsAfter = (breakIt: (definition: any) => void): string[] => {
  const definition = shippedJson();
  breakIt(definition);
  try {
    validateProgramme(definition, 'nq42-2020.v1.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ProgrammeDefinitionInvalid);
    return (error as ProgrammeDefinitionInvalid).problems;
  }
  throw new Error('the broken definition was accepted');
};

describe('validateProgramme', () => {
  describe('when given the shipped nq42-2020 v1 definition', () => {
    it('accepts it and returns it typed', () => {
      const definition = shippedJson();
      expect(validateProgramme(definition)).toBe(definition);
      expect(validateProgramme(definition).categories.map((category) => category.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    });
  });

  describe('when given something that is not a definition', () => {
    it.each([null, [], 'nq42-2020', 42])('refuses %p', (input) => {
      expect(() => validateProgramme(input)).toThrow(ProgrammeDefinitionInvalid);
      expect(() => validateProgramme(input)).toThrow(/must be a JSON object/);
    });
  });

  describe('when the programme itself is broken', () => {
    it.each<[string, (definition: any) => void, string]>([
      ['an id that is not kebab-case', (d) => (d.id = 'NQ 42/2020'), 'id must be a kebab-case string'],
      ['version 0', (d) => (d.version = 0), 'version must be a positive integer'],
      ['a version given as text', (d) => (d.version = '1'), 'version must be a positive integer'],
      ['no title', (d) => delete d.title, 'title must be a string'],
      ['no currency', (d) => delete d.currency, 'currency must be a string'],
      ['legal basis as text', (d) => (d.legalBasis = 'NQ 42'), 'legalBasis must be an array'],
      ['a combination rule other than highest-only', (d) => (d.combination.rule = 'sum'), 'combination must be { rule: "highest-only", stackableCategories: [] }'],
      ['no combination rule', (d) => delete d.combination, 'combination must be { rule: "highest-only", stackableCategories: [] }'],
      ['a holiday that is not a date', (d) => d.calendar.holidays.push('2020-02-30'), 'calendar must be { holidays: [YYYY-MM-DD], utcOffsetMinutes }'],
      ['no time zone', (d) => delete d.calendar.utcOffsetMinutes, 'calendar must be { holidays: [YYYY-MM-DD], utcOffsetMinutes }'],
      ['a category that is not an object', (d) => d.categories.push('9'), 'categories[8] must be an object'],
      ['the same category twice', (d) => d.categories.push(structuredClone(d.categories[0])), 'categories[8]: duplicate code 1'],
      ['a stackable category that does not exist', (d) => d.combination.stackableCategories.push('9'), 'combination.stackableCategories names unknown category 9'],
    ])('refuses %s, listing the problem', (_case, breakIt, problem) => expect(problemsAfter(breakIt)).toEqual([problem]));

    it('refuses no categories, listing that and the stackable category left dangling', () =>
      expect(problemsAfter((d) => (d.categories = []))).toEqual(['categories must be a non-empty array', 'combination.stackableCategories names unknown category 5']));
  });

  describe('when a category is broken', () => {
    it.each<[string, (definition: any) => void, string]>([
      ['no code', (d) => (d.categories[5].code = ''), 'categories[5] (): code must be a non-empty string'],
      ['a rate of 0', (d) => (cat5(d).rate = 0), `${CAT5}: rate must be a positive whole number of VND`],
      ['a rate in fractions of a dong', (d) => (cat5(d).rate = 500_000.5), `${CAT5}: rate must be a positive whole number of VND`],
      ['a unit other than person, household or household-member', (d) => (cat5(d).unit = 'family'), `${CAT5}: unit must be person, household or household-member`],
      ['a cap of 0 months', (d) => (cat5(d).maxMonths = 0), `${CAT5}: maxMonths must be a positive integer`],
      ['weekly payment', (d) => (cat5(d).payment = 'weekly'), `${CAT5}: payment must be monthly or once`],
      ['a window that ends before it starts', (d) => (cat5(d).window = { from: '2020-06', to: '2020-04' }), `${CAT5}: window must be { from, to } months with from <= to`],
      ['a window month 13', (d) => (cat5(d).window.to = '2020-13'), `${CAT5}: window must be { from, to } months with from <= to`],
      ['claim fields that are not a list', (d) => (cat5(d).claimFields = {}), `${CAT5}: claimFields must be an array`],
      ['conditions that are not a list', (d) => (cat5(d).conditions = null), `${CAT5}: conditions must be an array`],
    ])('refuses %s, listing the problem', (_case, breakIt, problem) => expect(problemsAfter(breakIt)).toEqual([problem]));
  });

  describe('when a claim field is broken', () => {
    it.each<[string, (definition: any) => void, string]>([
      ['a field without a name', (d) => cat5(d).claimFields.push({ type: 'string', required: false }), `${CAT5}: claimFields[1] needs a name`],
      ['a field named months, which is reserved', (d) => cat5(d).claimFields.push({ name: 'months', type: 'string', required: false }), `${CAT5}: claimFields[1]: "months" is reserved`],
      ['the same field twice', (d) => cat5(d).claimFields.push({ ...cat5(d).claimFields[0] }), `${CAT5}: claimFields[1]: duplicate field allowanceRegisterNo`],
      ['a field type money', (d) => (cat5(d).claimFields[0].type = 'money'), `${CAT5}: claimFields[0].type must be one of integer, date, string, boolean, enum`],
      ['required given as text', (d) => (cat5(d).claimFields[0].required = 'yes'), `${CAT5}: claimFields[0].required must be a boolean`],
      ['an enum without values', (d) => cat5(d).claimFields.push({ name: 'kind', type: 'enum', required: false, values: [] }), `${CAT5}: claimFields[1]: an enum needs values`],
    ])('refuses %s, listing the problem', (_case, breakIt, problem) => expect(problemsAfter(breakIt)).toEqual([problem]));
  });

  describe('when the per-member multiplier of category 7 is broken', () => {
    const CAT7 = 'categories[6] (7)';
    const problem = `${CAT7}: household-member unit needs multiplierField naming a required integer claim field`;

    it.each<[string, (definition: any) => void]>([
      ['missing', (d) => delete d.categories[6].multiplierField],
      ['naming a field that does not exist', (d) => (d.categories[6].multiplierField = 'members')],
      ['naming a text field', (d) => (d.categories[6].multiplierField = 'povertyListRef')],
      ['naming an optional field, which would multiply by nothing', (d) => (d.categories[6].claimFields[1].required = false)],
    ])('refuses a multiplier %s, listing the problem', (_case, breakIt) => expect(problemsAfter(breakIt)).toEqual([problem]));
  });

  describe('when an eligibility condition is broken', () => {
    const CAT4 = 'categories[3] (4)';

    it.each<[string, (definition: any) => void, string]>([
      ['a condition on a field the claim does not have', (d) => (cat4(d).conditions[1].field = 'income'), `${CAT4}: conditions[1] refers to unknown claim field income`],
      ['an operator the engine does not know', (d) => (cat4(d).conditions[1].op = 'approximately'), `${CAT4}: conditions[1].op must be one of lt, lte, gt, gte, eq, in, between, months-not-before, months-not-after, filed-after-day`],
      ['a condition without a message', (d) => delete cat4(d).conditions[1].message, `${CAT4}: conditions[1] needs a message`],
      ['a between with one bound', (d) => (cat4(d).conditions[0].value = ['2020-04-01']), `${CAT4}: conditions[0]: between needs [low, high]`],
      ['a condition that is not an object', (d) => cat4(d).conditions.push('income < 1300000'), `${CAT4}: conditions[4] must be an object`],
    ])('refuses %s, listing the problem', (_case, breakIt, problem) => expect(problemsAfter(breakIt)).toEqual([problem]));
  });

  describe('when the steps are broken', () => {
    it.each<[string, (definition: any) => void, string]>([
      ['no intake step', (d) => cat5(d).steps.shift(), `${CAT5}: the first step, and only it, must be of kind intake`],
      ['the intake step not first', (d) => cat5(d).steps.reverse(), `${CAT5}: the first step, and only it, must be of kind intake`],
      ['two intake steps', (d) => cat5(d).steps.splice(1, 0, { name: 'second-intake', kind: 'intake', role: 'intake-officer', timeLimitWorkingDays: null }), `${CAT5}: the first step, and only it, must be of kind intake`],
      ['no payment step', (d) => cat5(d).steps.pop(), `${CAT5}: the last step, and only it, must be of kind payment`],
      ['a payment before the decision', (d) => cat5(d).steps.splice(3, 0, { name: 'advance', kind: 'payment', role: 'treasurer', timeLimitWorkingDays: null }), `${CAT5}: the last step, and only it, must be of kind payment`],
      ['no approval step', (d) => cat5(d).steps.splice(2, 1), `${CAT5}: a category needs a step of kind approval, where the amount is fixed`],
      ['a step name that is not kebab-case', (d) => (cat5(d).steps[1].name = 'Village Review'), `${CAT5}: steps[1] needs a kebab-case name`],
      ['the same step name twice', (d) => (cat5(d).steps[2].name = 'village-review'), `${CAT5}: steps[2]: duplicate step village-review`],
      ['a kind the engine does not know', (d) => (cat5(d).steps[1].kind = 'inspection'), `${CAT5}: steps[1].kind must be one of intake, review, posting, approval, decision, payment`],
      ['a role that does not exist', (d) => (cat5(d).steps[3].role = 'chairman'), `${CAT5}: steps[3].role must be one of intake-officer, village-reviewer, ward-approver, district-appraiser, social-insurance-officer, tax-officer, province-approver, lender-officer, treasurer, auditor, inspector, admin`],
      ['a time limit of 0 working days', (d) => (cat5(d).steps[1].timeLimitWorkingDays = 0), `${CAT5}: steps[1].timeLimitWorkingDays must be null or a positive integer`],
      ['a time limit given as text', (d) => (cat5(d).steps[1].timeLimitWorkingDays = '5'), `${CAT5}: steps[1].timeLimitWorkingDays must be null or a positive integer`],
      ['a minimum posting period on a review', (d) => (cat5(d).steps[1].minWorkingDays = 2), `${CAT5}: steps[1].minWorkingDays is for postings, a positive integer`],
    ])('refuses %s, listing the problem', (_case, breakIt, problem) => expect(problemsAfter(breakIt)).toContain(problem));

    it.each<[string, (definition: any) => void, string]>([
      ['a countFrom naming a later step', (d) => (cat4(d).steps[2].countFrom = 'ward-approval'), 'categories[3] (4): steps[2].countFrom must name an earlier step'],
      ['a countFrom naming its own step', (d) => (cat4(d).steps[2].countFrom = 'public-posting'), 'categories[3] (4): steps[2].countFrom must name an earlier step'],
      ['a countFrom naming no step', (d) => (cat4(d).steps[2].countFrom = 'receipt'), 'categories[3] (4): steps[2].countFrom must name an earlier step'],
      ['a posting period of 0 working days', (d) => (cat4(d).steps[2].minWorkingDays = 0), 'categories[3] (4): steps[2].minWorkingDays is for postings, a positive integer'],
      ['too few steps', (d) => (cat5(d).steps = [cat5(d).steps[0], cat5(d).steps[4]]), `${CAT5}: steps must list at least intake, an approval and payment`],
    ])('refuses %s, listing the problem', (_case, breakIt, problem) => expect(problemsAfter(breakIt)).toContain(problem));

    it('lists exactly the one problem when only the role is wrong', () =>
      expect(problemsAfter((d) => (cat5(d).steps[3].role = 'chairman'))).toHaveLength(1));
  });

  describe('when several things are broken at once', () => {
    it('lists every problem, naming the file', () => {
      const definition = shippedJson();
      definition.version = 0;
      cat5(definition).steps[3].role = 'chairman';
      cat4(definition).conditions[1].field = 'income';
      definition.categories.push(structuredClone(definition.categories[0]));
      let thrown: unknown;
      try {
        validateProgramme(definition, 'programmes/nq42-2020.v1.json');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ProgrammeDefinitionInvalid);
      const invalid = thrown as ProgrammeDefinitionInvalid;
      expect(invalid.source).toBe('programmes/nq42-2020.v1.json');
      expect(invalid.problems).toEqual([
        'version must be a positive integer',
        expect.stringMatching(/^categories\[3\] \(4\): conditions\[1\] refers to unknown claim field income$/),
        expect.stringMatching(/^categories\[4\] \(5\): steps\[3\]\.role must be one of/),
        'categories[8]: duplicate code 1',
      ]);
      expect(invalid.message).toMatch(/^programme definition programmes\/nq42-2020\.v1\.json is invalid:\n- version must be a positive integer\n- /);
    });
  });
});

/** Every code of the definition that a person reads in the console, with its label if any. */
const labelled = (programme: ProgrammeDefinition) => [
  { at: 'programme', label: programme.label },
  ...programme.categories.flatMap((category) => [
    { at: `category ${category.code}`, label: category.label },
    ...category.steps.map((step) => ({ at: `category ${category.code} step ${step.name}`, label: step.label })),
    ...(category.legalBasis ? [{ at: `category ${category.code} legal basis`, label: category.legalBasisLabel }] : []),
    ...category.steps.filter((step) => step.legalBasis).map((step) => ({ at: `category ${category.code} step ${step.name} legal basis`, label: step.legalBasisLabel })),
    ...category.conditions.flatMap((condition, i) => [
      { at: `category ${category.code} condition ${i}`, label: condition.messageLabel },
      ...(condition.legalBasis ? [{ at: `category ${category.code} condition ${i} legal basis`, label: condition.legalBasisLabel }] : []),
    ]),
    ...category.claimFields.flatMap((field) => [
      { at: `category ${category.code} field ${field.name}`, label: field.label },
      ...(field.values ?? []).map((value) => ({ at: `category ${category.code} field ${field.name} value ${value}`, label: field.valueLabels?.[value] })),
    ]),
  ]),
  ...Object.entries(programme.fraudRules ?? {}).flatMap(([id, rule]) => [
    { at: `rule ${id}`, label: rule?.label },
    { at: `rule ${id} legal basis`, label: rule?.legalBasisLabel },
  ]),
];

describe('validateProgramme: labels (a code\'s words in Vietnamese and English)', () => {
  describe('when the shipped nq42-2020 definition is read', () => {
    it('names every category, step, claim field, enum value, condition, legal basis and fraud rule in Vietnamese and English', () => {
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
    it('refuses a condition’s or a legal basis’s words without both languages', () => {
      expect(
        problemsAfter((definition) => {
          definition.categories[3].conditions[0].messageLabel = { vi: 'Phải mất việc làm' };
          definition.categories[3].steps[1].legalBasisLabel = { en: 'QĐ 15' };
        }),
      ).toEqual([
        'categories[3] (4).conditions[0].messageLabel must be { vi, en } with both texts non-empty',
        'categories[3] (4).steps[1].legalBasisLabel must be { vi, en } with both texts non-empty',
      ]);
    });

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
