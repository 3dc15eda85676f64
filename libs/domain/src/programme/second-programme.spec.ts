import {
  alsoActingAs,
  anApplicant,
  approved,
  awaiting,
  decided,
  filedClaim,
  officer,
  paid,
  paymentCommand,
  posted,
  reviewed,
  stateAfter,
  stepCommand,
  submitCommand,
  submitted,
  supportApplicationSpec,
  stepsOf,
} from '@lib/testing/builders/support-application.builders';
import { shippedProgrammes } from '@lib/testing/programmes';
import { AmountMismatch, ClaimInvalid, InvalidTransition, NotEligible, NotPermitted } from '../common/domain-error';
import type { SupportApplicationCommand } from '../support-application/support-application.commands';
import type { SupportApplicationEvent } from '../support-application/support-application.events';
import { catalogOf, type ProgrammeDefinition } from './programme-definition';
import { validateProgramme } from './validate-programme';

/**
 * A made-up programme, different in every respect the engine reads: a one-off payment per
 * household, its own window, claim fields, steps, roles and two approvals, and no decision step.
 */
const floodRelief2021: ProgrammeDefinition = {
  id: 'flood-relief-2021',
  version: 1,
  title: 'Hỗ trợ hộ gia đình bị thiệt hại nhà ở do lũ lụt tháng 10/2021 (illustrative)',
  currency: 'VND',
  legalBasis: ['illustrative provincial decision, for tests only'],
  combination: { rule: 'highest-only', stackableCategories: [] },
  calendar: { utcOffsetMinutes: 420, holidays: ['2021-09-02', '2021-09-03'] },
  categories: [
    {
      code: 'house-lost',
      title: 'Household whose house collapsed or was swept away',
      rate: 5_000_000,
      unit: 'household',
      maxMonths: 1,
      window: { from: '2021-10', to: '2021-10' },
      payment: 'once',
      claimFields: [
        { name: 'floodedOn', type: 'date', required: true },
        { name: 'damage', type: 'enum', required: true, values: ['collapsed', 'swept-away', 'roof-lost'] },
        { name: 'insured', type: 'boolean', required: true },
      ],
      conditions: [
        { field: 'floodedOn', op: 'between', value: ['2021-10-08', '2021-10-31'], message: 'the flood must have struck between 8 and 31 October 2021' },
        { field: 'damage', op: 'in', value: ['collapsed', 'swept-away'], message: 'only a house lost outright qualifies' },
        { field: 'insured', op: 'eq', value: false, message: 'an insured house is compensated by its insurer' },
      ],
      steps: [
        { name: 'registration', kind: 'intake', role: 'intake-officer', timeLimitWorkingDays: null },
        { name: 'damage-assessment', kind: 'review', role: 'district-appraiser', timeLimitWorkingDays: 3 },
        { name: 'commune-approval', kind: 'approval', role: 'ward-approver', timeLimitWorkingDays: 2, countFrom: 'registration' },
        { name: 'provincial-endorsement', kind: 'approval', role: 'province-approver', timeLimitWorkingDays: 2 },
        { name: 'disbursement', kind: 'payment', role: 'treasurer', timeLimitWorkingDays: null },
      ],
    },
  ],
};

const FLOOD_APPLICATION = 'b1f0d6e2-7c3a-4e9b-8d21-5a6c7e8f9012';
const assessor = officer('district-appraiser', null, 'assessor-duc');
const chairman = officer('province-approver', null, 'chairman-nam');
const floodClaim = { floodedOn: '2021-10-17', damage: 'swept-away', insured: false };
const at = (day: number) => `2021-10-${String(day).padStart(2, '0')}T02:00:00.000Z`;

const given = supportApplicationSpec(catalogOf([...shippedProgrammes(), floodRelief2021]));

const walk = (moves: ReadonlyArray<readonly [SupportApplicationCommand, SupportApplicationEvent]>) =>
  moves.reduce<SupportApplicationEvent[]>((history, [command, expected]) => {
    given(history).when(command).then([expected]);
    return [...history, expected];
  }, []);

const floodSubmitted = (): SupportApplicationEvent => ({
  type: 'SupportApplicationSubmitted',
  data: {
    applicationId: FLOOD_APPLICATION,
    programmeId: 'flood-relief-2021',
    programmeVersion: 1,
    category: 'house-lost',
    applicant: anApplicant(),
    claim: { months: ['2021-10'], ...floodClaim },
    claimedAmount: 5_000_000,
    receivedOn: at(20).slice(0, 10),
    steps: ['registration', 'damage-assessment', 'commune-approval', 'provincial-endorsement', 'disbursement'],
    submittedBy: 'intake-lan',
    submittedAt: at(20),
  },
});

const floodSubmit = (claim: Record<string, unknown> = floodClaim) =>
  submitCommand({ category: 'house-lost', programmeId: 'flood-relief-2021', applicationId: FLOOD_APPLICATION, claim, at: at(20) });

describe('A second programme, given as data only (flood relief 2021)', () => {
  it('is a valid programme definition', () => expect(validateProgramme(structuredClone(floodRelief2021))).toEqual(floodRelief2021));

  describe('when a household whose house was swept away applies', () => {
    it('goes from registration to disbursement of 5,000,000 VND once, through its own steps and roles', () => {
      const history = walk([
        [floodSubmit(), floodSubmitted()],
        [
          stepCommand('damage-assessment', { applicationId: FLOOD_APPLICATION, by: assessor, at: at(21), minutesRef: 'BB-TD-17' }),
          reviewed('damage-assessment', { applicationId: FLOOD_APPLICATION, by: assessor, at: at(21), minutesRef: 'BB-TD-17' }),
        ],
        [
          stepCommand('commune-approval', { applicationId: FLOOD_APPLICATION, at: at(22), by: officer('ward-approver', 'W01', 'approver-minh') }),
          approved('commune-approval', { applicationId: FLOOD_APPLICATION, months: ['2021-10'], amount: 5_000_000, by: officer('ward-approver', 'W01', 'approver-minh'), at: at(22) }),
        ],
        [
          stepCommand('provincial-endorsement', { applicationId: FLOOD_APPLICATION, by: chairman, at: at(25), reference: 'CV 88/UBND-KT' }),
          decided('provincial-endorsement', { applicationId: FLOOD_APPLICATION, kind: 'approval', reference: 'CV 88/UBND-KT', by: chairman, at: at(25) }),
        ],
        [
          paymentCommand(5_000_000, { applicationId: FLOOD_APPLICATION, method: 'cash', reference: 'PC-0042', at: at(27) }),
          paid(5_000_000, { applicationId: FLOOD_APPLICATION, step: 'disbursement', method: 'cash', reference: 'PC-0042', at: at(27) }),
        ],
      ]);
      expect(stateAfter(history)).toMatchObject({ status: 'paid', programmeId: 'flood-relief-2021', paidAmount: 5_000_000 });
    });

    it('records the intake officer under the programme\'s own intake step', () =>
      expect(stateAfter([floodSubmitted()])).toMatchObject({ performedBy: { registration: 'intake-lan' }, nextStep: 1 }));

    it('refuses the assessor approving at the commune too (reason segregation-of-duties)', () =>
      given([floodSubmitted(), reviewed('damage-assessment', { applicationId: FLOOD_APPLICATION, by: assessor, at: at(21) })])
        .when(stepCommand('commune-approval', { applicationId: FLOOD_APPLICATION, by: { ...alsoActingAs(assessor, 'ward-approver'), ward: 'W01' }, at: at(22) }))
        .thenThrows(NotPermitted, (error) => expect(error.reason).toBe('segregation-of-duties')));

    it('refuses a village reviewer assessing the damage (reason role)', () =>
      given([floodSubmitted()])
        .when(stepCommand('damage-assessment', { applicationId: FLOOD_APPLICATION, by: officer('village-reviewer', 'W01', 'reviewer-hoa'), at: at(21) }))
        .thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));

    it('refuses a step of nq42-2020 as InvalidTransition', () =>
      given([floodSubmitted()])
        .when(stepCommand('village-review', { applicationId: FLOOD_APPLICATION, by: officer('district-appraiser', null, 'assessor-x') }))
        .thenThrows(InvalidTransition));

    it('refuses, before saying anything of its steps, an officer whose roles have no part in its workflow (reason role)', () =>
      given([floodSubmitted()]).when(stepCommand('village-review', { applicationId: FLOOD_APPLICATION })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));
  });

  describe('when the claim does not fit the programme', () => {
    it.each<[string, Record<string, unknown>, string]>([
      ['an insured house', { ...floodClaim, insured: true }, 'claim.insured'],
      ['a roof lost only', { ...floodClaim, damage: 'roof-lost' }, 'claim.damage'],
      ['a flood in September', { ...floodClaim, floodedOn: '2021-09-30' }, 'claim.floodedOn'],
    ])('refuses %s as NotEligible', (_case, claim, field) =>
      given([]).when(floodSubmit(claim)).thenThrows(NotEligible, (error) => expect(error.reasons.map((reason) => reason.field)).toEqual([field])));

    it('refuses a month outside its own window as NotEligible', () =>
      given([]).when(floodSubmit({ ...floodClaim, months: ['2020-05'] })).thenThrows(NotEligible, (error) =>
        expect(error.reasons[0]).toMatchObject({ message: 'eligibility.outside-window', params: { from: '2021-10', to: '2021-10' } })));

    it('refuses a field of nq42-2020 as ClaimInvalid', () =>
      given([]).when(floodSubmit({ ...floodClaim, householdMembers: 4 })).thenThrows(ClaimInvalid));
  });
});

/** nq42-2020 v2 (hypothetical): category 4 raised to 1,200,000 VND and a residence-confirmation step added. */
const nq42v1 = (): ProgrammeDefinition => shippedProgrammes().find((programme) => programme.id === 'nq42-2020' && programme.version === 1)!;
const nq42v2 = (): ProgrammeDefinition => {
  const v1 = nq42v1();
  return {
    ...v1,
    version: 2,
    categories: v1.categories.map((category) =>
      category.code !== '4'
        ? category
        : {
            ...category,
            rate: 1_200_000,
            steps: [
              ...category.steps.slice(0, 2),
              { name: 'residence-confirmation', kind: 'review', role: 'ward-approver', timeLimitWorkingDays: 2, legalBasis: 'QĐ 15: other-province confirmation' },
              ...category.steps.slice(2),
            ],
          },
    ),
  };
};

describe('nq42-2020 after a version 2 is added to the catalog', () => {
  const catalog = catalogOf([nq42v1(), nq42v2()]);
  const givenBoth = supportApplicationSpec(catalog);

  it('is a valid programme definition', () => expect(() => validateProgramme(structuredClone(nq42v2()))).not.toThrow());

  it('resolves the newest version unless a version is named', () => {
    expect(catalog('nq42-2020')?.version).toBe(2);
    expect(catalog('nq42-2020', 1)?.version).toBe(1);
    expect(catalog('nq42-2020', 3)).toBeUndefined();
  });

  describe('when a new category 4 claim is submitted', () => {
    it('is taken in under version 2, at its rate and with its steps', () =>
      givenBoth([]).when(submitCommand({ category: '4' })).then([
        submitted('4', {
          programmeVersion: 2,
          claimedAmount: 2_400_000,
          steps: ['intake', 'village-review', 'residence-confirmation', 'public-posting', 'ward-approval', 'district-appraisal', 'provincial-decision', 'payment'],
        }),
      ]));
  });

  describe('when a category 4 claim submitted under version 1 has been reviewed by the village', () => {
    const history = awaiting('4', 'public-posting');

    it('still follows version 1: the list is posted next', () => givenBoth(history).when(stepCommand('public-posting')).then([posted('public-posting')]));

    it('refuses the step only version 2 has as InvalidTransition', () =>
      givenBoth(history).when(stepCommand('residence-confirmation', { by: officer('ward-approver', 'W01', 'approver-lien'), at: '2020-05-20T02:00:00.000Z' })).thenThrows(InvalidTransition));
  });

  describe('when a category 4 claim submitted under version 1 awaits the ward approval', () => {
    it('is approved at the version 1 rate of 1,000,000 VND a month', () =>
      givenBoth(awaiting('4', 'ward-approval')).when(stepCommand('ward-approval')).then([approved('ward-approval', { months: filedClaim('4').months, amount: 2_000_000 })]));
  });

  describe('when a category 4 claim submitted under version 1 awaits payment', () => {
    it('is paid the version 1 amount', () => givenBoth(awaiting('4', 'payment')).when(paymentCommand(2_000_000)).then([paid(2_000_000)]));

    it('refuses the version 2 amount as AmountMismatch', () =>
      givenBoth(awaiting('4', 'payment')).when(paymentCommand(2_400_000)).thenThrows(AmountMismatch, (error) => expect(error.expected).toBe(2_000_000)));
  });

  it('keeps the version 1 steps recorded on the application', () =>
    expect(stateAfter(awaiting('4', 'payment'))).toMatchObject({ programmeVersion: 1, steps: stepsOf('4') }));

});
