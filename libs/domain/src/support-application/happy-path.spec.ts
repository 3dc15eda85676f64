import {
  approved,
  decided,
  filedClaim,
  paid,
  paymentCommand,
  posted,
  reviewed,
  stateAfter,
  stepCommand,
  submitCommand,
  submitted,
  supportApplicationSpec,
  WORKFLOWS,
  type CategoryCode,
} from '@lib/testing/builders/support-application.builders';
import { shippedCatalog } from '@lib/testing/programmes';
import type { SupportApplicationCommand } from './support-application.commands';
import type { SupportApplicationEvent } from './support-application.events';
import { findCategory } from '../programme/programme-definition';
import { ClaimInvalid } from '../common/domain-error';

const given = supportApplicationSpec();

/** One step of a walk: the command, decided on the history so far, records exactly `expected`. */
type Move = readonly [SupportApplicationCommand, SupportApplicationEvent];

const walk = (moves: readonly Move[]): SupportApplicationEvent[] =>
  moves.reduce<SupportApplicationEvent[]>((history, [command, expected]) => {
    given(history).when(command).then([expected]);
    return [...history, expected];
  }, []);

const stepOf = (event: SupportApplicationEvent): string => ('step' in event.data ? event.data.step : 'intake');

const definedSteps = (category: CategoryCode) =>
  findCategory(shippedCatalog()('nq42-2020', 1)!, category)!.steps.map((step) => [step.name, step.kind] as const);

describe('SupportApplication, every category of nq42-2020 v1 from submission to payment', () => {
  it.each(['1', '2', '3', '4', '5', '6', '7'] as CategoryCode[])('category %s follows the workflow its definition states', (category) =>
    expect(definedSteps(category)).toEqual(WORKFLOWS[category]));

  describe('category 1 (furloughed worker, no village review)', () => {
    it('is paid 1,800,000 VND for each of the two months the district approves', () => {
      const history = walk([
        [submitCommand({ category: '1' }), submitted('1', { claimedAmount: 5_400_000 })],
        [stepCommand('social-insurance-confirmation'), reviewed('social-insurance-confirmation')],
        [
          stepCommand('district-appraisal', { approvedMonths: ['2020-06', '2020-05'] }),
          approved('district-appraisal', { months: ['2020-05', '2020-06'], amount: 3_600_000 }),
        ],
        [stepCommand('provincial-decision'), decided('provincial-decision', { decisionNo: '1520/QĐ-UBND' })],
        [paymentCommand(3_600_000), paid(3_600_000)],
      ]);
      expect(history.map(stepOf)).toEqual(WORKFLOWS['1'].map(([name]) => name));
      expect(stateAfter(history)).toMatchObject({ status: 'paid', approvedAmount: 3_600_000, paidAmount: 3_600_000 });
    });
  });

  describe('category 2 (household business: commune confirmation, posting, tax appraisal)', () => {
    it('is paid 1,000,000 VND per household for each of the three months', () => {
      const history = walk([
        [submitCommand({ category: '2' }), submitted('2', { claimedAmount: 3_000_000 })],
        [stepCommand('village-review'), reviewed('village-review', { minutesRef: 'BB-12/2020' })],
        [stepCommand('public-posting'), posted('public-posting', { postedFrom: '2020-05-19', postedUntil: '2020-05-21' })],
        [stepCommand('ward-approval'), approved('ward-approval', { months: ['2020-04', '2020-05', '2020-06'], amount: 3_000_000 })],
        [stepCommand('tax-appraisal'), reviewed('tax-appraisal')],
        [stepCommand('district-review'), reviewed('district-review')],
        [stepCommand('provincial-decision'), decided('provincial-decision')],
        [paymentCommand(3_000_000), paid(3_000_000)],
      ]);
      expect(history.map(stepOf)).toEqual(WORKFLOWS['2'].map(([name]) => name));
      expect(stateAfter(history)).toMatchObject({ status: 'paid', paidAmount: 3_000_000 });
    });
  });

  describe('category 3 (terminated, no unemployment benefit)', () => {
    it('is paid 1,000,000 VND for each month from the termination', () => {
      const history = walk([
        [submitCommand({ category: '3' }), submitted('3', { claimedAmount: 2_000_000 })],
        [stepCommand('village-review'), reviewed('village-review')],
        [stepCommand('ward-approval'), approved('ward-approval', { months: ['2020-05', '2020-06'], amount: 2_000_000 })],
        [stepCommand('district-appraisal'), reviewed('district-appraisal')],
        [stepCommand('provincial-decision'), decided('provincial-decision')],
        [paymentCommand(2_000_000, { method: 'bank', reference: 'VCB-20200529-77' }), paid(2_000_000, { method: 'bank', reference: 'VCB-20200529-77' })],
      ]);
      expect(history.map(stepOf)).toEqual(WORKFLOWS['3'].map(([name]) => name));
      expect(stateAfter(history)).toMatchObject({ status: 'paid', paidAmount: 2_000_000 });
    });
  });

  describe('category 4 (informal worker: village review, 2 working days of posting)', () => {
    it('is paid 1,000,000 VND for the one month the ward approves', () => {
      const history = walk([
        [submitCommand({ category: '4' }), submitted('4', { claimedAmount: 2_000_000 })],
        [stepCommand('village-review'), reviewed('village-review')],
        [stepCommand('public-posting'), posted('public-posting')],
        [stepCommand('ward-approval', { approvedMonths: ['2020-05'] }), approved('ward-approval', { months: ['2020-05'], amount: 1_000_000 })],
        [stepCommand('district-appraisal'), reviewed('district-appraisal')],
        [stepCommand('provincial-decision'), decided('provincial-decision')],
        [paymentCommand(1_000_000), paid(1_000_000)],
      ]);
      expect(history.map(stepOf)).toEqual(WORKFLOWS['4'].map(([name]) => name));
      expect(stateAfter(history)).toMatchObject({ status: 'paid', approvedMonths: ['2020-05'], paidAmount: 1_000_000 });
    });
  });

  describe.each([
    ['5', 'meritorious service', 1_500_000],
    ['6', 'social assistance', 1_500_000],
  ] as const)('category %s (%s, list-based, paid once)', (category, _title, amount) => {
    it(`is paid ${amount.toLocaleString('en')} VND once, for April to June`, () => {
      const history = walk([
        [submitCommand({ category }), submitted(category, { claim: filedClaim(category), claimedAmount: amount })],
        [stepCommand('village-review'), reviewed('village-review')],
        [stepCommand('ward-approval'), approved('ward-approval', { months: ['2020-04', '2020-05', '2020-06'], amount })],
        [stepCommand('provincial-decision'), decided('provincial-decision')],
        [paymentCommand(amount), paid(amount)],
      ]);
      expect(history.map(stepOf)).toEqual(WORKFLOWS[category].map(([name]) => name));
      expect((history[0] as { data: { claim: { months: string[] } } }).data.claim.months).toEqual(['2020-04', '2020-05', '2020-06']);
    });
  });

  describe('category 7 (poor household, per member, paid once)', () => {
    it('is paid 250,000 VND per member per month: 6,750,000 VND for 9 members over three months', () => {
      const history = walk([
        [submitCommand({ category: '7' }), submitted('7', { claimedAmount: 6_750_000 })],
        [stepCommand('village-review'), reviewed('village-review')],
        [stepCommand('ward-approval'), approved('ward-approval', { months: ['2020-04', '2020-05', '2020-06'], amount: 6_750_000 })],
        [stepCommand('provincial-decision'), decided('provincial-decision')],
        [paymentCommand(6_750_000), paid(6_750_000)],
      ]);
      expect(history.map(stepOf)).toEqual(WORKFLOWS['7'].map(([name]) => name));
      expect(stateAfter(history)).toMatchObject({ status: 'paid', paidAmount: 6_750_000 });
    });

    it('approves 4 members for the whole window at 3,000,000 VND', () => {
      const claim = { povertyListRef: 'DSCN-2019-LS-0107', householdMembers: 4, listStatus: 'near-poor' };
      walk([
        [submitCommand({ category: '7', claim }), submitted('7', { claim: filedClaim('7', claim), claimedAmount: 3_000_000 })],
        [stepCommand('village-review'), reviewed('village-review')],
        [stepCommand('ward-approval'), approved('ward-approval', { months: ['2020-04', '2020-05', '2020-06'], amount: 3_000_000 })],
        [stepCommand('provincial-decision'), decided('provincial-decision')],
        [paymentCommand(3_000_000), paid(3_000_000)],
      ]);
    });

    it('refuses to narrow a one-off payment to two months', () => {
      const claim = { povertyListRef: 'DSCN-2019-LS-0107', householdMembers: 4, listStatus: 'near-poor' };
      const history = walk([
        [submitCommand({ category: '7', claim }), submitted('7', { claim: filedClaim('7', claim), claimedAmount: 3_000_000 })],
        [stepCommand('village-review'), reviewed('village-review')],
      ]);
      supportApplicationSpec()(history)
        .when(stepCommand('ward-approval', { approvedMonths: ['2020-04', '2020-05'] }))
        .thenThrows(ClaimInvalid, (error) => expect(error.errors[0].field).toBe('approvedMonths'));
    });
  });
});
