import { approved, awaiting, decided, paymentCommand, stateAfter, stepCommand, supportApplicationSpec } from '@lib/testing/builders/support-application.builders';
import { AmountMismatch, ClaimInvalid } from '../common/domain-error';
import { amountDue } from './support-application.state';

const given = supportApplicationSpec();

/** The provincial Chairman approves the list and the funds (QĐ 15): the decision may narrow the months, and the amount follows. */
describe('The provincial decision with approvedMonths', () => {
  describe('when a category 1 claim for April to June awaits the provincial decision', () => {
    const history = awaiting('1', 'provincial-decision');

    it('narrows the months and the amount', () =>
      given(history).when(stepCommand('provincial-decision', { approvedMonths: ['2020-05', '2020-04'] })).then([
        { ...decided('provincial-decision'), data: { ...decided('provincial-decision').data, reference: undefined, approvedMonths: ['2020-04', '2020-05'], approvedAmount: 3_600_000 } },
      ]));

    it('leaves the amount as approved without approvedMonths', () =>
      given(history).when(stepCommand('provincial-decision')).then([{ ...decided('provincial-decision'), data: { ...decided('provincial-decision').data, reference: undefined } }]));

    it('makes the payment due follow the decision', () => {
      const narrowed = { ...decided('provincial-decision'), data: { ...decided('provincial-decision').data, approvedMonths: ['2020-04'], approvedAmount: 1_800_000 } };
      expect(amountDue(stateAfter([...history, narrowed]))).toBe(1_800_000);
      given([...history, narrowed]).when(paymentCommand(5_400_000)).thenThrows(AmountMismatch, (error) => expect(error.expected).toBe(1_800_000));
    });
  });

  describe('when the district approved only May and June', () => {
    const history = [...awaiting('1', 'district-appraisal'), approved('district-appraisal', { months: ['2020-05', '2020-06'], amount: 3_600_000 })];

    it('refuses to widen to a month the approval left out, as ClaimInvalid on approvedMonths', () =>
      given(history).when(stepCommand('provincial-decision', { approvedMonths: ['2020-04', '2020-05'] })).thenThrows(ClaimInvalid, (error) =>
        expect(error.errors[0].field).toBe('approvedMonths')));
  });

  describe('when a category 7 share (paid once for the whole window) awaits the decision', () => {
    it('refuses to narrow it as ClaimInvalid', () =>
      given(awaiting('7', 'provincial-decision')).when(stepCommand('provincial-decision', { approvedMonths: ['2020-04'] })).thenThrows(ClaimInvalid));
  });
});
