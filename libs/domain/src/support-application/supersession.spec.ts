import {
  APPLICATION_ID,
  awaiting,
  paid,
  paidInFull,
  paymentCommand,
  stateAfter,
  stepCommand,
  supportApplicationSpec,
} from '@lib/testing/builders/support-application.builders';
import { AmountMismatch, InvalidTransition } from '../common/domain-error';
import { creditFor, supersede } from './supersession';
import { amountDue, evolve } from './support-application.state';
import type { SupportApplicationCredited, SupportApplicationSuperseded } from './support-application.events';

const given = supportApplicationSpec();
const HIGHER = '9b1d2c3e-4f50-4a6b-8c7d-0e1f2a3b4c5d';
const AT = '2020-06-02T02:00:00.000Z';

const superseded = (keptAmount: number, cancelledAmount: number): SupportApplicationSuperseded => ({
  type: 'SupportApplicationSuperseded',
  data: { applicationId: APPLICATION_ID, supersededBy: HIGHER, keptAmount, cancelledAmount, supersededAt: AT },
});

const credited = (creditedAmount: number, supersedes = 'lower-app'): SupportApplicationCredited => ({
  type: 'SupportApplicationCredited',
  data: { applicationId: APPLICATION_ID, supersedes, creditedAmount, creditedAt: AT },
});

describe('Supersession (NQ 42: one support, the highest)', () => {
  describe('when a lower category 7 share is approved and unpaid', () => {
    const history = awaiting('7', 'payment');

    it('closes it as superseded, cancelling the whole unpaid amount and keeping nothing', () =>
      expect(supersede(stateAfter(history), { applicationId: HIGHER, at: AT })).toEqual(superseded(0, 6_750_000)));

    it('is superseded, names the higher application and owes nothing any more', () => {
      const state = evolve(stateAfter(history), superseded(0, 6_750_000));
      expect(state).toMatchObject({ status: 'superseded', supersededBy: HIGHER });
      expect(amountDue(state)).toBe(0);
    });

    it('refuses a payment afterwards as InvalidTransition', () =>
      given([...history, superseded(0, 6_750_000)]).when(paymentCommand(6_750_000)).thenThrows(InvalidTransition, (error) => expect(error).toMatchObject({ params: { status: 'superseded' } })));

    it('refuses any further step afterwards as InvalidTransition', () =>
      given([...awaiting('7', 'provincial-decision'), superseded(0, 6_750_000)]).when(stepCommand('provincial-decision')).thenThrows(InvalidTransition));
  });

  describe('when the lower support was already paid', () => {
    const history = paidInFull('4');

    it('keeps what was paid and cancels nothing: paid applications can be corrected too', () =>
      expect(supersede(stateAfter(history), { applicationId: HIGHER, at: AT })).toEqual(superseded(2_000_000, 0)));

    it('credits the higher application with what the person kept', () =>
      expect(creditFor(superseded(2_000_000, 0))).toEqual({
        type: 'SupportApplicationCredited',
        data: { applicationId: HIGHER, supersedes: APPLICATION_ID, creditedAmount: 2_000_000, creditedAt: AT },
      }));
  });

  describe('when the lower support was paid in part (one of two months)', () => {
    it('keeps the part paid and cancels the rest', () =>
      expect(supersede(stateAfter([...awaiting('4', 'payment'), paid(1_000_000)]), { applicationId: HIGHER, at: AT }).data).toMatchObject({ keptAmount: 1_000_000 }));
  });

  describe('when the application was never approved', () => {
    it('refuses to supersede it as InvalidTransition', () =>
      expect(() => supersede(stateAfter(awaiting('4', 'ward-approval')), { applicationId: HIGHER, at: AT })).toThrow(InvalidTransition));
  });

  describe('when a higher category 1 support was credited with 750,000 paid under a superseded category 7 share', () => {
    const history = [...awaiting('1', 'payment'), credited(750_000)];

    it('is due its amount less the credit', () => expect(amountDue(stateAfter(history))).toBe(5_400_000 - 750_000));

    it('names what it supersedes', () => expect(stateAfter(history)).toMatchObject({ supersedes: ['lower-app'], creditedAmount: 750_000 }));

    it('is paid the difference', () =>
      given(history).when(paymentCommand(4_650_000)).then([paid(4_650_000)]));

    it('refuses the full amount as AmountMismatch', () =>
      given(history).when(paymentCommand(5_400_000)).thenThrows(AmountMismatch, (error) => expect(error.expected).toBe(4_650_000)));

    it('when itself superseded later, keeps both what it paid and what it was credited', () =>
      expect(supersede(stateAfter([...history, paid(4_650_000)]), { applicationId: HIGHER, at: AT }).data).toMatchObject({ keptAmount: 5_400_000, cancelledAmount: 0 }));
  });
});
