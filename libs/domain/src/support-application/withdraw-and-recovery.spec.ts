import {
  auditor,
  awaiting,
  inWard,
  intakeOfficer,
  orderRecoveryCommand,
  paidInFull,
  recoverCommand,
  recovered,
  recoveryOrdered,
  rejected,
  supportApplicationSpec,
  treasurer,
  villageReviewer,
  withdrawCommand,
  withdrawn,
} from '@lib/testing/builders/support-application.builders';
import { AmountMismatch, ApplicationNotFound, ClaimInvalid, InvalidTransition, NotPermitted } from '../common/domain-error';

const given = supportApplicationSpec();

describe('SupportApplication withdrawal', () => {
  describe('when there is no application', () => {
    it('refuses a withdrawal as ApplicationNotFound', () => given([]).when(withdrawCommand('mistake')).thenThrows(ApplicationNotFound));
  });

  describe.each(['village-review', 'ward-approval', 'provincial-decision', 'payment'])('when open and awaiting %s', (step) => {
    it('is withdrawn by the intake officer with the reason', () =>
      given(awaiting('4', step)).when(withdrawCommand('đã nhận hỗ trợ ở nơi thường trú')).then([withdrawn('đã nhận hỗ trợ ở nơi thường trú')]));
  });

  describe('when open', () => {
    const history = awaiting('4', 'ward-approval');

    it('refuses a withdrawal with a blank reason as ClaimInvalid', () =>
      given(history).when(withdrawCommand('  ')).thenThrows(ClaimInvalid, (error) => expect(error.errors).toEqual([{ field: 'reason', message: 'field.required' }])));

    it('refuses a withdrawal recorded by a village reviewer (reason role)', () =>
      given(history).when(withdrawCommand('mistake', { by: villageReviewer })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));

    it('refuses a withdrawal recorded by an intake officer of another ward (reason ward-scope)', () =>
      given(history).when(withdrawCommand('mistake', { by: inWard(intakeOfficer, 'W02') })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('ward-scope')));
  });

  describe.each([
    ['paid', paidInFull('4')],
    ['rejected', [...awaiting('4', 'ward-approval'), rejected('ward-approval', 'income too high')]],
    ['already withdrawn', [...awaiting('4', 'ward-approval'), withdrawn('mistake')]],
  ])('when %s', (_state, history) => {
    it('refuses a withdrawal as InvalidTransition', () => given(history).when(withdrawCommand('changed my mind')).thenThrows(InvalidTransition));
  });
});

describe('SupportApplication recovery (thu hồi)', () => {
  describe('when there is no application', () => {
    it('refuses a recovery order as ApplicationNotFound', () => given([]).when(orderRecoveryCommand(750_000)).thenThrows(ApplicationNotFound));
  });

  describe('when not paid', () => {
    it('refuses a recovery order as InvalidTransition: nothing was paid', () =>
      given(awaiting('7', 'payment')).when(orderRecoveryCommand(750_000)).thenThrows(InvalidTransition, (error) => expect(error.key).toBe('recovery.nothing-paid')));
  });

  describe('when paid 6,750,000 VND to a 9-member household (category 7)', () => {
    const history = paidInFull('7');

    it('is ordered recovered in full by an inspector', () => given(history).when(orderRecoveryCommand(6_750_000)).then([recoveryOrdered(6_750_000)]));

    it('is ordered recovered in part', () => given(history).when(orderRecoveryCommand(750_000)).then([recoveryOrdered(750_000)]));

    it('refuses ordering more than was paid as AmountMismatch', () =>
      given(history).when(orderRecoveryCommand(6_750_001)).thenThrows(AmountMismatch, (error) => {
        expect(error.expected).toBe(6_750_000);
        expect(error.given).toBe(6_750_001);
      }));

    it.each([
      ['a treasurer', treasurer],
      ['an auditor', auditor],
    ])('refuses a recovery ordered by %s (reason role)', (_who, by) =>
      given(history).when(orderRecoveryCommand(750_000, { by })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));

    it.each([0, -750_000, 750_000.5])('refuses ordering %p VND as ClaimInvalid', (amount) =>
      given(history).when(orderRecoveryCommand(amount)).thenThrows(ClaimInvalid, (error) => expect(error.errors[0].field).toBe('amount')));

    it('refuses an order without a reason as ClaimInvalid', () =>
      given(history).when(orderRecoveryCommand(750_000, { reason: ' ' })).thenThrows(ClaimInvalid, (error) => expect(error.errors[0].field).toBe('reason')));

    it('refuses recording money recovered before any order as InvalidTransition', () =>
      given(history).when(recoverCommand(750_000)).thenThrows(InvalidTransition));
  });

  describe('when 2,250,000 VND of a 6,750,000 VND payment is ordered recovered', () => {
    const history = [...paidInFull('7'), recoveryOrdered(2_250_000)];

    it('records money recovered in part', () => given(history).when(recoverCommand(750_000)).then([recovered(750_000)]));

    it('records the whole order recovered', () => given(history).when(recoverCommand(2_250_000)).then([recovered(2_250_000)]));

    it('refuses recovering more than was ordered as AmountMismatch', () =>
      given(history).when(recoverCommand(2_250_001)).thenThrows(AmountMismatch, (error) => expect(error.expected).toBe(2_250_000)));

    it('accepts a further order up to what was paid', () => given(history).when(orderRecoveryCommand(4_500_000)).then([recoveryOrdered(4_500_000)]));

    it('refuses a further order beyond what was paid as AmountMismatch', () =>
      given(history).when(orderRecoveryCommand(4_500_001)).thenThrows(AmountMismatch, (error) => expect(error.expected).toBe(4_500_000)));

    it('refuses a recovery recorded by a treasurer (reason role)', () =>
      given(history).when(recoverCommand(750_000, { by: treasurer })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));
  });

  describe('when part of the order is already recovered', () => {
    const history = [...paidInFull('7'), recoveryOrdered(2_250_000), recovered(1_500_000)];

    it('refuses recovering more than is still outstanding as AmountMismatch', () =>
      given(history).when(recoverCommand(1_500_000)).thenThrows(AmountMismatch, (error) => expect(error.expected).toBe(750_000)));

    it('records the rest recovered', () => given(history).when(recoverCommand(750_000)).then([recovered(750_000)]));
  });

  describe('when the order is fully recovered', () => {
    it('refuses recording more money recovered as InvalidTransition', () =>
      given([...paidInFull('7'), recoveryOrdered(2_250_000), recovered(2_250_000)]).when(recoverCommand(1)).thenThrows(InvalidTransition));
  });
});
