import {
  APPLICATION_ID,
  anApplicant,
  approved,
  awaiting,
  decided,
  filedClaim,
  paid,
  paidInFull,
  posted,
  recovered,
  recoveryOrdered,
  rejected,
  reviewed,
  stateAfter,
  stepsOf,
  submitted,
  withdrawn,
} from '@lib/testing/builders/support-application.builders';
import type { SupportApplicationEvent } from './support-application.events';
import { evolve, initialState, type SupportApplication } from './support-application.state';

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

const unknownEvent = { type: 'SupportApplicationAppealed', data: { applicationId: APPLICATION_ID } } as unknown as SupportApplicationEvent;

describe('SupportApplication evolve', () => {
  describe('when nothing has happened', () => {
    it('starts as none', () => expect(initialState()).toEqual({ status: 'none' }));

    it.each<SupportApplicationEvent>([reviewed('village-review'), paid(1_000_000), withdrawn('mistake'), recoveryOrdered(1)])(
      'ignores a $type with no submission before it',
      (event) => expect(evolve(initialState(), event)).toEqual({ status: 'none' }),
    );
  });

  describe('when submitted', () => {
    it('holds what later decisions need, awaiting the second step', () =>
      expect(stateAfter([submitted('4')])).toEqual({
        status: 'submitted',
        applicationId: APPLICATION_ID,
        programmeId: 'nq42-2020',
        programmeVersion: 1,
        category: '4',
        ward: 'W01',
        citizenId: anApplicant().citizenId,
        claim: filedClaim('4'),
        steps: stepsOf('4'),
        nextStep: 1,
        performedBy: { intake: 'intake-lan' },
        approvedMonths: null,
        approvedAmount: 0,
        paidAmount: 0,
        recoveryOrderedAmount: 0,
        recoveredAmount: 0,
        creditedAmount: 0,
        supersededBy: null,
        supersedes: [],
        lastStepAt: '2020-05-18T02:00:00.000Z',
        postedUntil: null,
      }));
  });

  describe('when steps are performed (category 4)', () => {
    it('is in progress after the village review, recording who reviewed', () =>
      expect(stateAfter(awaiting('4', 'public-posting'))).toMatchObject({
        status: 'in-progress',
        nextStep: 2,
        performedBy: { intake: 'intake-lan', 'village-review': 'reviewer-hoa' },
        lastStepAt: '2020-05-19T02:00:00.000Z',
      }));

    it('remembers until when the list was posted', () =>
      expect(stateAfter(awaiting('4', 'ward-approval'))).toMatchObject({ status: 'in-progress', nextStep: 3, postedUntil: '2020-05-21' }));

    it('fixes the approved months and amount at the approval', () =>
      expect(stateAfter([...awaiting('4', 'ward-approval'), approved('ward-approval', { months: ['2020-05'], amount: 1_000_000 })])).toMatchObject({
        status: 'in-progress',
        nextStep: 4,
        approvedMonths: ['2020-05'],
        approvedAmount: 1_000_000,
      }));

    it('is approved once only payment is left', () =>
      expect(stateAfter(awaiting('4', 'payment'))).toMatchObject({
        status: 'approved',
        nextStep: 6,
        performedBy: {
          intake: 'intake-lan',
          'village-review': 'reviewer-hoa',
          'public-posting': 'intake-lan',
          'ward-approval': 'approver-minh',
          'district-appraisal': 'appraiser-tuan',
          'provincial-decision': 'chairman-son',
        },
      }));

    it('is paid, adding the amount paid', () =>
      expect(stateAfter(paidInFull('4'))).toMatchObject({ status: 'paid', nextStep: 7, paidAmount: 2_000_000, performedBy: { payment: 'treasurer-mai' } }));
  });

  describe('when a category 7 list is approved by the ward', () => {
    it('is approved as soon as the decision is the only step left before payment', () => {
      expect(stateAfter(awaiting('7', 'provincial-decision')).status).toBe('in-progress');
      expect(stateAfter([...awaiting('7', 'provincial-decision'), decided('provincial-decision')]).status).toBe('approved');
    });
  });

  describe('when rejected', () => {
    it('is rejected without moving on, recording who rejected', () =>
      expect(stateAfter([...awaiting('4', 'ward-approval'), rejected('ward-approval', 'income too high')])).toMatchObject({
        status: 'rejected',
        nextStep: 3,
        performedBy: { 'ward-approval': 'approver-minh' },
        lastStepAt: '2020-05-22T02:00:00.000Z',
      }));
  });

  describe('when withdrawn', () => {
    it('is withdrawn, keeping what was approved', () =>
      expect(stateAfter([...awaiting('4', 'payment'), withdrawn('moved away')])).toMatchObject({ status: 'withdrawn', approvedAmount: 2_000_000, paidAmount: 0 }));
  });

  describe('when paid and then recovered', () => {
    it('is recovery-ordered, adding up the orders', () =>
      expect(stateAfter([...paidInFull('7'), recoveryOrdered(750_000), recoveryOrdered(1_500_000)])).toMatchObject({
        status: 'recovery-ordered',
        recoveryOrderedAmount: 2_250_000,
        paidAmount: 6_750_000,
      }));

    it('stays recovery-ordered while money is outstanding', () =>
      expect(stateAfter([...paidInFull('7'), recoveryOrdered(2_250_000), recovered(750_000)])).toMatchObject({
        status: 'recovery-ordered',
        recoveredAmount: 750_000,
      }));

    it('is recovered once every ordered dong is back', () =>
      expect(stateAfter([...paidInFull('7'), recoveryOrdered(2_250_000), recovered(750_000), recovered(1_500_000)])).toMatchObject({
        status: 'recovered',
        recoveredAmount: 2_250_000,
      }));
  });

  describe('is total', () => {
    it.each<[string, SupportApplicationEvent[]]>([
      ['nothing', []],
      ['a submission', [submitted('4')]],
      ['a payment', paidInFull('4')],
    ])('leaves the state after %s unchanged for an event type it does not know', (_case, history) => {
      const before = stateAfter(history);
      expect(evolve(before, unknownEvent)).toBe(before);
    });

    it('folds a recorded fact even where today\'s rules would refuse it (a payment before any approval)', () => {
      const state = stateAfter([submitted('4'), paid(2_000_000, { at: '2020-05-19T02:00:00.000Z' })]);
      expect(state).toMatchObject({ status: 'paid', paidAmount: 2_000_000 });
    });

    it('never changes the state it is given', () => {
      const before = deepFreeze(stateAfter(awaiting('4', 'ward-approval')));
      const copy = structuredClone(before);
      const history: SupportApplicationEvent[] = [
        approved('ward-approval', { months: ['2020-04'], amount: 1_000_000 }),
        reviewed('district-appraisal'),
        decided('provincial-decision'),
        paid(1_000_000),
        recoveryOrdered(1_000_000),
        recovered(1_000_000),
      ];
      history.reduce<SupportApplication>(evolve, before);
      expect(before).toEqual(copy);
      expect(evolve(deepFreeze(stateAfter([submitted('4')])), posted('public-posting'))).toMatchObject({ postedUntil: '2020-05-21' });
    });
  });
});
