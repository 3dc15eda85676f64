import {
  alsoActingAs,
  awaiting,
  districtAppraiser,
  inWard,
  intakeOfficer,
  paymentCommand,
  posted,
  provinceApprover,
  reviewed,
  socialInsuranceOfficer,
  stepCommand,
  supportApplicationSpec,
  taxOfficer,
  treasurer,
  villageReviewer,
  wardApprover,
  withdrawCommand,
} from '@lib/testing/builders/support-application.builders';
import { InvalidTransition, NotPermitted } from '../common/domain-error';

const given = supportApplicationSpec();

describe('Agencies outside the commune have their own roles (QĐ 15)', () => {
  describe('when a category 1 list awaits the BHXH confirmation', () => {
    const history = awaiting('1', 'social-insurance-confirmation');

    it('is confirmed by the social-insurance officer', () =>
      given(history).when(stepCommand('social-insurance-confirmation')).then([reviewed('social-insurance-confirmation', { minutesRef: undefined })]));

    it('refuses a district appraiser (reason role)', () =>
      given(history).when(stepCommand('social-insurance-confirmation', { by: districtAppraiser })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));
  });

  describe('when a category 2 household business awaits the tax appraisal', () => {
    const history = awaiting('2', 'tax-appraisal');

    it('is appraised by the tax officer', () => given(history).when(stepCommand('tax-appraisal')).then([reviewed('tax-appraisal', { minutesRef: undefined })]));

    it('refuses a district appraiser (reason role)', () =>
      given(history).when(stepCommand('tax-appraisal', { by: districtAppraiser })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));

    it('refuses a social-insurance officer (reason role)', () =>
      given(history).when(stepCommand('tax-appraisal', { by: socialInsuranceOfficer })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));
  });
});

describe('Intake and posting are segregated from approval, decision and payment (the Phú Hữu pattern)', () => {
  const intakeAlso = (...roles: Parameters<typeof alsoActingAs>[1][]) => alsoActingAs(intakeOfficer, ...roles);

  it('refuses the officer who took the application in approving it (reason segregation-of-duties)', () =>
    given(awaiting('3', 'ward-approval')).when(stepCommand('ward-approval', { by: intakeAlso('ward-approver') })).thenThrows(NotPermitted, (error) =>
      expect(error.reason).toBe('segregation-of-duties')));

  it('refuses the officer who posted the list approving it (reason segregation-of-duties)', () =>
    given(awaiting('4', 'ward-approval')).when(stepCommand('ward-approval', { by: intakeAlso('ward-approver') })).thenThrows(NotPermitted, (error) =>
      expect(error).toMatchObject({ key: 'permission.listed', params: { step: expect.stringMatching(/^(intake|public-posting)$/) } })));

  it('refuses the officer who took it in deciding it for the province (reason segregation-of-duties)', () =>
    given(awaiting('5', 'provincial-decision')).when(stepCommand('provincial-decision', { by: inWard(intakeAlso('province-approver'), null) })).thenThrows(NotPermitted, (error) =>
      expect(error.reason).toBe('segregation-of-duties')));

  it('refuses the officer who took it in paying it (reason segregation-of-duties)', () =>
    given(awaiting('3', 'payment')).when(paymentCommand(2_000_000, { by: intakeAlso('treasurer') })).thenThrows(NotPermitted, (error) =>
      expect(error.reason).toBe('segregation-of-duties')));

  it('still lets the intake officer post the list they took in (posting is not an approval)', () =>
    given(awaiting('4', 'public-posting')).when(stepCommand('public-posting')).then([posted('public-posting')]));
});

describe('Authorization before state (403 before 409)', () => {
  const w02 = (actor: Parameters<typeof inWard>[0]) => inWard(actor, 'W02');

  it('refuses a W02 ward approver on a W01 application awaiting another step as NotPermitted, not InvalidTransition', () =>
    given(awaiting('4', 'village-review')).when(stepCommand('ward-approval', { by: w02(wardApprover) })).thenThrows(NotPermitted, (error) => {
      expect(error.reason).toBe('ward-scope');
      expect(error.message).not.toMatch(/awaiting|submitted|in-progress/);
    }));

  it('refuses a W02 treasurer paying a W01 application that is not approved yet as NotPermitted', () =>
    given(awaiting('4', 'district-appraisal')).when(paymentCommand(2_000_000, { by: w02(treasurer) })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('ward-scope')));

  it('refuses a W02 intake officer withdrawing a paid W01 application as NotPermitted', () =>
    given(awaiting('4', 'district-appraisal')).when(withdrawCommand('moved', { by: w02(intakeOfficer) })).thenThrows(NotPermitted));

  it('refuses an officer whose role has no part in the workflow as NotPermitted, whatever step they name', () =>
    given(awaiting('1', 'district-appraisal')).when(stepCommand('village-review', { by: villageReviewer })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));

  it('still answers InvalidTransition to an officer who may act, when the step is not due', () =>
    given(awaiting('4', 'village-review')).when(stepCommand('provincial-decision', { by: provinceApprover })).thenThrows(InvalidTransition));

  it('still answers InvalidTransition to the tax officer naming a step out of turn', () =>
    given(awaiting('2', 'village-review')).when(stepCommand('tax-appraisal', { by: taxOfficer })).thenThrows(InvalidTransition));
});
