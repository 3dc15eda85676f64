import {
  alsoActingAs,
  approved,
  awaiting,
  decided,
  inWard,
  paid,
  paidInFull,
  paymentCommand,
  provinceApprover,
  rejected,
  reviewed,
  supportApplicationSpec,
  treasurer,
  villageReviewer,
  wardApprover,
  withdrawn,
} from '@lib/testing/builders/support-application.builders';
import { AmountMismatch, ApplicationNotFound, InvalidTransition, NotPermitted } from '../common/domain-error';

const given = supportApplicationSpec();

describe('SupportApplication payment', () => {
  describe('when there is no application', () => {
    it('refuses a payment as ApplicationNotFound', () => given([]).when(paymentCommand(1_000_000)).thenThrows(ApplicationNotFound));
  });

  describe('when every approval is done (category 4, one month approved)', () => {
    const history = [
      ...awaiting('4', 'ward-approval'),
      approved('ward-approval', { months: ['2020-05'], amount: 1_000_000 }),
      reviewed('district-appraisal'),
      decided('provincial-decision'),
    ];

    it('is paid exactly the approved amount', () => given(history).when(paymentCommand(1_000_000)).then([paid(1_000_000)]));

    it('records who signed for the money when not the applicant (nhận thay)', () => {
      const command = paymentCommand(1_000_000);
      given(history).when({ ...command, data: { ...command.data, payee: ' 020080009999 ' } }).then([{ ...paid(1_000_000), data: { ...paid(1_000_000).data, payee: '020080009999' } }]);
    });

    it.each([
      ['the amount claimed rather than approved', 2_000_000],
      ['less than approved', 999_999],
      ['nothing', 0],
    ])('refuses paying %s as AmountMismatch, naming the amount owed', (_case, amount) =>
      given(history).when(paymentCommand(amount)).thenThrows(AmountMismatch, (error) => {
        expect(error.expected).toBe(1_000_000);
        expect(error.given).toBe(amount);
      }));

    it('refuses a ward approver paying (reason role)', () =>
      given(history).when(paymentCommand(1_000_000, { by: wardApprover })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));

    it('refuses the treasurer of another ward (reason ward-scope)', () =>
      given(history).when(paymentCommand(1_000_000, { by: inWard(treasurer, 'W02') })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('ward-scope')));

    it('refuses the ward approver paying out what they approved (reason segregation-of-duties)', () =>
      given(history)
        .when(paymentCommand(1_000_000, { by: alsoActingAs(wardApprover, 'treasurer') }))
        .thenThrows(NotPermitted, (error) => expect(error.reason).toBe('segregation-of-duties')));

    it('refuses the village reviewer paying out what they reviewed (reason segregation-of-duties)', () =>
      given(history)
        .when(paymentCommand(1_000_000, { by: alsoActingAs(villageReviewer, 'treasurer') }))
        .thenThrows(NotPermitted, (error) => expect(error.reason).toBe('segregation-of-duties')));

    it('refuses the provincial decision-maker paying (reason segregation-of-duties)', () =>
      given(history)
        .when(paymentCommand(1_000_000, { by: inWard(alsoActingAs(provinceApprover, 'treasurer'), 'W01') }))
        .thenThrows(NotPermitted, (error) => expect(error.reason).toBe('segregation-of-duties')));
  });

  describe('before every approval is done', () => {
    it.each(['village-review', 'ward-approval', 'district-appraisal', 'provincial-decision'])('refuses a payment while awaiting %s as InvalidTransition (F4)', (step) =>
      given(awaiting('4', step)).when(paymentCommand(2_000_000)).thenThrows(InvalidTransition, (error) => expect(error).toMatchObject({ key: 'payment.not-approved-awaiting', params: { awaiting: step } })));
  });

  describe('when already paid', () => {
    it('refuses a second payment as InvalidTransition', () =>
      given(paidInFull('4')).when(paymentCommand(2_000_000)).thenThrows(InvalidTransition, (error) => expect(error).toMatchObject({ key: 'payment.not-approved', params: { status: 'paid' } })));

    it('refuses a second payment of nothing as InvalidTransition', () => given(paidInFull('7')).when(paymentCommand(0)).thenThrows(InvalidTransition));
  });

  describe('when rejected', () => {
    it('refuses a payment as InvalidTransition', () =>
      given([...awaiting('4', 'provincial-decision'), rejected('provincial-decision', 'over budget')]).when(paymentCommand(2_000_000)).thenThrows(InvalidTransition));
  });

  describe('when withdrawn after approval', () => {
    it('refuses a payment as InvalidTransition', () =>
      given([...awaiting('4', 'payment'), withdrawn('moved to Hà Nội')]).when(paymentCommand(2_000_000)).thenThrows(InvalidTransition));
  });
});
