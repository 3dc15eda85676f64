import {
  awaiting,
  orderRecoveryCommand,
  paymentCommand,
  stateAfter,
  stepCommand,
  submitCommand,
  withdrawCommand,
} from '@lib/testing/builders/support-application.builders';
import { shippedCatalog } from '@lib/testing/programmes';
import { actingRole } from './support-application.decide';
import { initialState } from './support-application.state';

const catalog = shippedCatalog();

describe('actingRole (the role recorded with the events a command produces)', () => {
  describe('when nothing has been submitted', () => {
    it('is the intake role of the category for a submission', () => expect(actingRole(submitCommand({ category: '4' }), initialState(), catalog)).toBe('intake-officer'));

    it('is none for an unknown programme', () => expect(actingRole(submitCommand({ category: '4', programmeId: 'nq68-2021' }), initialState(), catalog)).toBeNull());

    it('is none for a step on no application', () => expect(actingRole(stepCommand('village-review'), initialState(), catalog)).toBeNull());
  });

  describe('when a category 1 claim awaits its social-insurance confirmation', () => {
    const state = stateAfter(awaiting('1', 'social-insurance-confirmation'));

    it.each([
      ['social-insurance-confirmation', 'social-insurance-officer'],
      ['district-appraisal', 'district-appraiser'],
      ['provincial-decision', 'province-approver'],
      ['village-review', null],
    ])('is, for step %s, %p', (step, role) => expect(actingRole(stepCommand(step, { at: '2020-05-20T02:00:00.000Z', by: { id: 'x', roles: [], ward: null } }), state, catalog)).toBe(role));

    it('is the payment step\'s role for a payment', () => expect(actingRole(paymentCommand(5_400_000), state, catalog)).toBe('treasurer'));

    it('is the intake role for a withdrawal', () => expect(actingRole(withdrawCommand('mistake'), state, catalog)).toBe('intake-officer'));

    it('is inspector for a recovery', () => expect(actingRole(orderRecoveryCommand(1), state, catalog)).toBe('inspector'));
  });
});
