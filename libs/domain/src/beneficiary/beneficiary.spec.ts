import {
  approved,
  awaiting,
  decided,
  paid,
  posted,
  rejected,
  reviewed,
  stateAfter,
  submitted,
  supportApplicationDecider,
  withdrawCommand,
  withdrawn,
  stepCommand,
} from '@lib/testing/builders/support-application.builders';
import { deciderSpec } from '@lib/testing/decider-spec';
import { shippedProgrammes } from '@lib/testing/programmes';
import { catalogOf, type ProgrammeCatalog, type ProgrammeDefinition } from '../programme/programme-definition';
import { DuplicateSupport, InvalidTransition } from '../common/domain-error';
import type { SupportApplicationEvent } from '../support-application/support-application.events';
import {
  decideBeneficiary,
  evolveBeneficiary,
  initialBeneficiary,
  type BeneficiaryCommand,
  type BeneficiaryEvent,
  type GrantSupport,
  type ReleaseSupport,
} from './beneficiary';
import { beneficiaryCommandsFor } from './beneficiary-policy';

const BENEFICIARY = 'bk-9f2c41d07a';
const GRANTED_AT = '2020-05-22T02:00:00.000Z';
const RELEASED_AT = '2020-05-27T02:00:00.000Z';

const nq42 = (): ProgrammeDefinition => shippedProgrammes().find((programme) => programme.id === 'nq42-2020' && programme.version === 1)!;

/** Another programme altogether, so holding support under one says nothing about the other. */
const nq68 = (): ProgrammeDefinition => ({ ...nq42(), id: 'nq68-2021', title: 'NQ 68/NQ-CP (2021)' });

const catalog: ProgrammeCatalog = catalogOf([nq42(), nq68()]);

const beneficiary = (programmes: ProgrammeCatalog = catalog) =>
  deciderSpec<BeneficiaryCommand, BeneficiaryEvent, ReturnType<typeof initialBeneficiary>>({
    decide: (command, state) => decideBeneficiary(command, state, programmes),
    evolve: evolveBeneficiary,
    initialState: initialBeneficiary,
  });
const given = beneficiary();

interface GrantOptions {
  programmeId?: string;
  programmeVersion?: number;
  amount?: number;
  ward?: string;
}

const RATES: Record<string, number> = { '1': 1_800_000, '2': 1_000_000, '3': 1_000_000, '4': 1_000_000, '5': 500_000, '6': 500_000, '7': 250_000 };

const grantSupport = (applicationId: string, category: string, months: string[], { programmeId = 'nq42-2020', programmeVersion = 1, amount, ward = 'W01' }: GrantOptions = {}): GrantSupport => ({
  type: 'GrantSupport',
  data: { beneficiaryKey: BENEFICIARY, applicationId, programmeId, programmeVersion, category, months, amount: amount ?? RATES[category] * months.length, ward },
  metadata: { actorId: 'approver-minh', now: GRANTED_AT },
});

const granted = (applicationId: string, category: string, months: string[], options: GrantOptions = {}): BeneficiaryEvent => ({
  type: 'BeneficiarySupportGranted',
  data: { ...grantSupport(applicationId, category, months, options).data, grantedBy: 'approver-minh', grantedAt: GRANTED_AT },
});

const releaseSupport = (applicationId: string, reason: 'rejected' | 'withdrawn'): ReleaseSupport => ({
  type: 'ReleaseSupport',
  data: { beneficiaryKey: BENEFICIARY, applicationId, reason },
  metadata: { actorId: 'chairman-son', now: RELEASED_AT },
});

const released = (applicationId: string, reason: 'rejected' | 'withdrawn'): BeneficiaryEvent => ({
  type: 'BeneficiarySupportReleased',
  data: { beneficiaryKey: BENEFICIARY, applicationId, reason, releasedBy: 'chairman-son', releasedAt: RELEASED_AT },
});

const Q2 = ['2020-04', '2020-05', '2020-06'];

describe('Beneficiary', () => {
  describe('when holding no support', () => {
    it('is granted support', () => given([]).when(grantSupport('app-4-apr', '4', ['2020-04'])).then([granted('app-4-apr', '4', ['2020-04'])]));

    it('has nothing to release', () => given([]).when(releaseSupport('app-4-apr', 'rejected')).then([]));
  });

  describe('when holding category 4 support for April and May', () => {
    const history = [granted('app-4', '4', ['2020-04', '2020-05'])];

    it.each(['1', '2', '3', '6', '7'])('refuses category %s of the same programme as DuplicateSupport naming the category 4 application', (category) =>
      given(history).when(grantSupport(`app-${category}`, category, ['2020-06'])).thenThrows(DuplicateSupport, (error) => {
        expect(error.conflictingApplicationIds).toEqual(['app-4']);
        expect(error).toMatchObject({ key: 'beneficiary.duplicate-support', params: { heldCategories: ['4'], heldMonths: ['2020-04', '2020-05'] } });
      }));

    it('combines with the stackable meritorious-service supplement (category 5)', () =>
      given(history).when(grantSupport('app-5', '5', Q2)).then([granted('app-5', '5', Q2)]));

    it('is granted category 4 again for June, within the 3-month cap', () =>
      given(history).when(grantSupport('app-4-jun', '4', ['2020-06'])).then([granted('app-4-jun', '4', ['2020-06'])]));

    it('refuses category 4 again for May as DuplicateSupport (the month is already held)', () =>
      given(history).when(grantSupport('app-4-may', '4', ['2020-05', '2020-06'])).thenThrows(DuplicateSupport, (error) =>
        expect(error.conflictingApplicationIds).toEqual(['app-4'])));

    it('refuses the same application granted twice as InvalidTransition', () =>
      given(history).when(grantSupport('app-4', '4', ['2020-06'])).thenThrows(InvalidTransition));

    it('is granted category 4 of a different programme for the same months', () =>
      given(history).when(grantSupport('app-nq68', '4', ['2020-04'], { programmeId: 'nq68-2021' })).then([granted('app-nq68', '4', ['2020-04'], { programmeId: 'nq68-2021' })]));

    it('releases the support when that application is rejected', () =>
      given(history).when(releaseSupport('app-4', 'rejected')).then([released('app-4', 'rejected')]));

    it('has nothing to release for another application', () => given(history).when(releaseSupport('app-7', 'withdrawn')).then([]));
  });

  describe('when holding category 4 support for three months in two grants', () => {
    it('refuses a fourth month as DuplicateSupport, naming both grants, even where the window is wider', () => {
      const wider = { ...nq42(), categories: nq42().categories.map((c) => (c.code === '4' ? { ...c, window: { from: '2020-04', to: '2020-12' } } : c)) };
      beneficiary(catalogOf([wider]))([granted('app-4-apr-may', '4', ['2020-04', '2020-05']), granted('app-4-jun', '4', ['2020-06'])])
        .when(grantSupport('app-4-jul', '4', ['2020-07']))
        .thenThrows(DuplicateSupport, (error) => expect(error.conflictingApplicationIds).toEqual(['app-4-apr-may', 'app-4-jun']));
    });

    it('refuses two more months at once as DuplicateSupport when they would exceed the cap', () =>
      given([granted('app-4-apr-may', '4', ['2020-04', '2020-05'])]).when(grantSupport('app-4-jun-jul', '4', ['2020-06', '2020-07'])).thenThrows(DuplicateSupport));
  });

  describe('when holding the meritorious-service supplement (category 5)', () => {
    const history = [granted('app-5', '5', Q2)];

    it.each(['1', '4', '7'])('is granted category %s as well', (category) =>
      given(history).when(grantSupport(`app-${category}`, category, ['2020-04'])).then([granted(`app-${category}`, category, ['2020-04'])]));

    it('refuses the supplement a second time for the same months as DuplicateSupport', () =>
      given(history).when(grantSupport('app-5-again', '5', Q2)).thenThrows(DuplicateSupport, (error) => expect(error.conflictingApplicationIds).toEqual(['app-5'])));
  });

  describe('when holding the supplement and poor-household support (categories 5 and 7)', () => {
    it('refuses category 4 as DuplicateSupport naming only the category 7 application', () =>
      given([granted('app-5', '5', Q2), granted('app-7', '7', Q2, { amount: 6_750_000 })])
        .when(grantSupport('app-4', '4', ['2020-05']))
        .thenThrows(DuplicateSupport, (error) => expect(error.conflictingApplicationIds).toEqual(['app-7'])));
  });

  describe('when a category 4 grant was released', () => {
    const history = [granted('app-4', '4', ['2020-04', '2020-05']), released('app-4', 'withdrawn')];

    it('is granted category 1 instead', () => given(history).when(grantSupport('app-1', '1', ['2020-05'])).then([granted('app-1', '1', ['2020-05'])]));

    it('is granted category 4 again for the same months', () =>
      given(history).when(grantSupport('app-4-again', '4', ['2020-04', '2020-05'])).then([granted('app-4-again', '4', ['2020-04', '2020-05'])]));

    it('has nothing more to release', () => given(history).when(releaseSupport('app-4', 'withdrawn')).then([]));
  });

  describe('when holding a lower support of another category (NQ 42: one support, the highest)', () => {
    const superseded = (applicationId: string, by: string): BeneficiaryEvent => ({
      type: 'BeneficiarySupportSuperseded',
      data: { beneficiaryKey: BENEFICIARY, applicationId, supersededBy: by, supersededAt: GRANTED_AT },
    });
    const poorHouseholdShare = [granted('app-7', '7', Q2, { amount: 750_000 })];

    it('is granted the higher category 1 support, which supersedes the category 7 share', () =>
      given(poorHouseholdShare).when(grantSupport('app-1', '1', Q2)).then([superseded('app-7', 'app-1'), granted('app-1', '1', Q2)]));

    it('supersedes every grant of the lower category, compared by their total (two category 4 months, 2,000,000 < 5,400,000)', () =>
      given([granted('app-4-apr', '4', ['2020-04']), granted('app-4-may', '4', ['2020-05'])])
        .when(grantSupport('app-1', '1', Q2))
        .then([superseded('app-4-apr', 'app-1'), superseded('app-4-may', 'app-1'), granted('app-1', '1', Q2)]));

    it('refuses an equal support as DuplicateSupport: the first of two equal supports stands', () =>
      given([granted('app-3', '3', ['2020-05', '2020-06'])]).when(grantSupport('app-4', '4', ['2020-05', '2020-06'])).thenThrows(DuplicateSupport));

    it('keeps the meritorious-service supplement when a higher support supersedes another', () =>
      given([granted('app-5', '5', Q2), ...poorHouseholdShare]).when(grantSupport('app-1', '1', Q2)).then([superseded('app-7', 'app-1'), granted('app-1', '1', Q2)]));

    it('holds only the higher one afterwards: a later lower support is refused naming it', () =>
      given([...poorHouseholdShare, superseded('app-7', 'app-1'), granted('app-1', '1', Q2)])
        .when(grantSupport('app-4', '4', ['2020-04']))
        .thenThrows(DuplicateSupport, (error) => expect(error.conflictingApplicationIds).toEqual(['app-1'])));
  });

  describe('when holding a higher support', () => {
    it('refuses a lower one as DuplicateSupport', () =>
      given([granted('app-1', '1', Q2)]).when(grantSupport('app-7', '7', Q2, { amount: 750_000 })).thenThrows(DuplicateSupport, (error) =>
        expect(error).toMatchObject({ key: 'beneficiary.duplicate-support', params: { heldCategories: ['1'] } })));

    it('names no application of another ward (403 before 409: never reveal what the caller may not read)', () =>
      given([granted('app-1', '1', Q2, { ward: 'W02' })]).when(grantSupport('app-7', '7', Q2, { amount: 750_000 })).thenThrows(DuplicateSupport, (error) =>
        expect(error.conflictingApplicationIds).toEqual([])));
  });

  describe('when the provincial decision narrows a support', () => {
    const amend = (months: string[], amount: number): BeneficiaryCommand => ({
      type: 'AmendSupport',
      data: { beneficiaryKey: BENEFICIARY, applicationId: 'app-1', months, amount },
      metadata: { actorId: 'chairman-son', now: RELEASED_AT },
    });

    it('records the narrower months and amount', () =>
      given([granted('app-1', '1', Q2)]).when(amend(['2020-04'], 1_800_000)).then([
        { type: 'BeneficiarySupportAmended', data: { beneficiaryKey: BENEFICIARY, applicationId: 'app-1', months: ['2020-04'], amount: 1_800_000, amendedBy: 'chairman-son', amendedAt: RELEASED_AT } },
      ]));

    it('compares later supports with the narrowed amount: a 2,000,000 category 4 claim now supersedes it', () =>
      given([granted('app-1', '1', Q2), { type: 'BeneficiarySupportAmended', data: { beneficiaryKey: BENEFICIARY, applicationId: 'app-1', months: ['2020-04'], amount: 1_800_000, amendedBy: 'chairman-son', amendedAt: RELEASED_AT } }])
        .when(grantSupport('app-4', '4', ['2020-05', '2020-06']))
        .then([
          { type: 'BeneficiarySupportSuperseded', data: { beneficiaryKey: BENEFICIARY, applicationId: 'app-1', supersededBy: 'app-4', supersededAt: GRANTED_AT } },
          granted('app-4', '4', ['2020-05', '2020-06']),
        ]));

    it('has nothing to amend for an application it does not hold', () => given([]).when(amend(['2020-04'], 1_800_000)).then([]));
  });

  describe('evolve', () => {
    it('ignores an event type it does not know', () => {
      const state = [granted('app-4', '4', ['2020-04'])].reduce(evolveBeneficiary, initialBeneficiary());
      expect(evolveBeneficiary(state, { type: 'BeneficiaryMerged', data: {} } as unknown as BeneficiaryEvent)).toBe(state);
    });
  });
});

describe('beneficiaryCommandsFor (the application events the beneficiary stream must hear about)', () => {
  const commandsAfter = (history: SupportApplicationEvent[], event: SupportApplicationEvent) => beneficiaryCommandsFor(stateAfter(history), [event], BENEFICIARY);

  describe('when nothing was submitted', () => {
    it('asks nothing of a submission', () => expect(beneficiaryCommandsFor(stateAfter([]), [submitted('4')], BENEFICIARY)).toEqual([]));
  });

  describe('when awaiting the ward approval (category 4)', () => {
    const history = awaiting('4', 'ward-approval');

    it('asks to grant the months and amount the ward approves', () =>
      expect(commandsAfter(history, approved('ward-approval', { months: ['2020-05'], amount: 1_000_000 }))).toEqual([
        {
          type: 'GrantSupport',
          data: { beneficiaryKey: BENEFICIARY, applicationId: history[0].data.applicationId, programmeId: 'nq42-2020', programmeVersion: 1, category: '4', months: ['2020-05'], amount: 1_000_000, ward: 'W01' },
          metadata: { actorId: 'approver-minh', now: '2020-05-22T02:00:00.000Z' },
        },
      ]));

    it('asks nothing when rejected before anything was granted', () => expect(commandsAfter(history, rejected('ward-approval', 'income too high'))).toEqual([]));

    it('asks nothing when withdrawn before anything was granted', () => expect(commandsAfter(history, withdrawn('moved away'))).toEqual([]));
  });

  describe('when nothing is approved yet', () => {
    it.each<[string, SupportApplicationEvent[], SupportApplicationEvent]>([
      ['a village review', awaiting('4', 'village-review'), reviewed('village-review')],
      ['a posting', awaiting('4', 'public-posting'), posted('public-posting')],
    ])('asks nothing of %s', (_case, history, event) => expect(commandsAfter(history, event)).toEqual([]));
  });

  describe('when approved by the ward', () => {
    const history = awaiting('4', 'district-appraisal');

    it.each<[string, SupportApplicationEvent[], SupportApplicationEvent]>([
      ['the district appraisal', history, reviewed('district-appraisal')],
      ['the provincial decision', awaiting('4', 'provincial-decision'), decided('provincial-decision')],
      ['the payment', awaiting('4', 'payment'), paid(2_000_000)],
    ])('asks nothing of %s', (_case, before, event) => expect(commandsAfter(before, event)).toEqual([]));

    it('asks to release the support when the district rejects it', () =>
      expect(commandsAfter(history, rejected('district-appraisal', 'already supported elsewhere', { at: RELEASED_AT }))).toEqual([
        {
          type: 'ReleaseSupport',
          data: { beneficiaryKey: BENEFICIARY, applicationId: history[0].data.applicationId, reason: 'rejected' },
          metadata: { actorId: 'appraiser-tuan', now: RELEASED_AT },
        },
      ]));

    it('asks to release the support when the application is withdrawn', () =>
      expect(commandsAfter(history, withdrawn('moved away'))).toEqual([
        {
          type: 'ReleaseSupport',
          data: { beneficiaryKey: BENEFICIARY, applicationId: history[0].data.applicationId, reason: 'withdrawn' },
          metadata: { actorId: 'intake-lan', now: '2020-05-20T07:30:00.000Z' },
        },
      ]));
  });

  describe('with the support-application decider', () => {
    it('turns a ward approval decided on the application into a grant the beneficiary stream accepts', () => {
      const history = awaiting('2', 'ward-approval');
      const before = stateAfter(history);
      const events = supportApplicationDecider().decide(stepCommand('ward-approval'), before);
      const commands = beneficiaryCommandsFor(before, events, BENEFICIARY);
      expect(commands.map((command) => command.type)).toEqual(['GrantSupport']);
      expect(decideBeneficiary(commands[0], initialBeneficiary(), catalog)).toMatchObject([{ type: 'BeneficiarySupportGranted', data: { category: '2', amount: 3_000_000 } }]);
    });

    it('turns a withdrawal after approval into a release', () => {
      const before = stateAfter(awaiting('2', 'payment'));
      const events = supportApplicationDecider().decide(withdrawCommand('duplicate application'), before);
      expect(beneficiaryCommandsFor(before, events, BENEFICIARY).map((command) => command.type)).toEqual(['ReleaseSupport']);
    });
  });
});
