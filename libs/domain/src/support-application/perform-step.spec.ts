import {
  alsoActingAs,
  approved,
  awaiting,
  decided,
  districtAppraiser,
  inWard,
  intakeOfficer,
  posted,
  provinceApprover,
  rejectCommand,
  rejected,
  reviewed,
  socialInsuranceOfficer,
  stepCommand,
  submitted,
  supportApplicationSpec,
  taxOfficer,
  villageReviewer,
  wardApprover,
} from '@lib/testing/builders/support-application.builders';
import { catalogOf } from '../programme/programme-definition';
import { ApplicationNotFound, ClaimInvalid, InvalidTransition, NotPermitted, ProgrammeNotFound } from '../common/domain-error';

const given = supportApplicationSpec();

describe('SupportApplication steps', () => {
  describe('when there is no application', () => {
    it('refuses any step as ApplicationNotFound', () =>
      given([]).when(stepCommand('village-review')).thenThrows(ApplicationNotFound));
  });

  describe('when its programme version is no longer loaded', () => {
    it('refuses the step as ProgrammeNotFound rather than guess a workflow', () =>
      supportApplicationSpec(catalogOf([]))([submitted('4')]).when(stepCommand('village-review')).thenThrows(ProgrammeNotFound));
  });

  describe('when a category 4 claim has just been submitted', () => {
    const history = awaiting('4', 'village-review');

    it('is reviewed by the village reviewer, with the minutes of the review meeting', () =>
      given(history).when(stepCommand('village-review', { minutesRef: 'BB-07/2020' })).then([reviewed('village-review', { minutesRef: 'BB-07/2020' })]));

    it.each(['public-posting', 'ward-approval', 'district-appraisal', 'provincial-decision'])('refuses %s before the village review as InvalidTransition', (step) =>
      given(history).when(stepCommand(step)).thenThrows(InvalidTransition, (error) => expect(error).toMatchObject({ key: 'step.not-now-awaiting', params: { step, status: 'submitted', awaiting: 'village-review' } })));

    it('refuses a step category 4 does not have as InvalidTransition', () =>
      given(history).when(stepCommand('tax-appraisal', { by: districtAppraiser })).thenThrows(InvalidTransition, (error) => expect(error).toMatchObject({ key: 'step.unknown', params: { category: '4', step: 'tax-appraisal' } })));

    it('refuses a tax officer, whose role has no step in category 4, before saying anything of its steps (reason role)', () =>
      given(history).when(stepCommand('tax-appraisal', { by: taxOfficer })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));

    it.each(['intake', 'payment'])('refuses the %s step, which has its own command, as InvalidTransition', (step) =>
      given(history).when(stepCommand(step)).thenThrows(InvalidTransition));

    it('refuses a ward approver doing the village review (reason role)', () =>
      given(history).when(stepCommand('village-review', { by: wardApprover })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));

    it('refuses a village reviewer of another ward (reason ward-scope)', () =>
      given(history).when(stepCommand('village-review', { by: inWard(villageReviewer, 'W02') })).thenThrows(NotPermitted, (error) =>
        expect(error.reason).toBe('ward-scope')));

    it('is rejected at the village review with the reasons in writing', () =>
      given(history)
        .when(rejectCommand('village-review', 'không thuộc nhóm nghề được hỗ trợ'))
        .then([rejected('village-review', 'không thuộc nhóm nghề được hỗ trợ')]));

    it.each([
      ['no reason', undefined],
      ['a blank reason', '   '],
    ])('refuses a rejection with %s as ClaimInvalid', (_case, reason) =>
      given(history)
        .when(stepCommand('village-review', { outcome: 'rejected', reason }))
        .thenThrows(ClaimInvalid, (error) => expect(error.errors).toEqual([{ field: 'reason', message: 'refusal.reason-required' }])));
  });

  describe('when a category 4 claim has been reviewed by the village', () => {
    const history = awaiting('4', 'public-posting');

    it('refuses the village review a second time as InvalidTransition', () =>
      given(history).when(stepCommand('village-review')).thenThrows(InvalidTransition));

    it('lets the intake officer who took the claim in post the list (posting is not a check)', () =>
      given(history).when(stepCommand('public-posting', { by: intakeOfficer })).then([posted('public-posting')]));

    it('refuses a posting without its dates, which is 0 working days, as InvalidTransition', () =>
      given(history)
        .when(stepCommand('public-posting', { postedFrom: undefined, postedUntil: undefined }))
        .thenThrows(InvalidTransition, (error) => expect(error).toMatchObject({ key: 'posting.too-short', params: { step: 'public-posting', days: 2 } })));

    it('refuses a posting still running (postedUntil after today) as ClaimInvalid', () =>
      given(history)
        .when(stepCommand('public-posting', { postedFrom: '2020-05-19', postedUntil: '2020-05-22' }))
        .thenThrows(ClaimInvalid, (error) => expect(error.errors[0].field).toBe('postedFrom')));

    it.each([
      ['ends before it starts', '2020-05-21', '2020-05-19'],
      ['is not a date', '19/05/2020', '2020-05-21'],
    ])('refuses a posting period that %s as ClaimInvalid', (_case, postedFrom, postedUntil) =>
      given(history).when(stepCommand('public-posting', { postedFrom, postedUntil })).thenThrows(ClaimInvalid));

    it('judges "today" in Vietnam time: 01:00 on 21 May local is still 20 May in UTC', () =>
      given(history)
        .when(stepCommand('public-posting', { at: '2020-05-20T18:00:00.000Z' }))
        .then([posted('public-posting', { at: '2020-05-20T18:00:00.000Z' })]));

    it('refuses a posting rejected as InvalidTransition: a posting is recorded, not rejected', () =>
      given(history).when(rejectCommand('public-posting', 'complaints received')).thenThrows(InvalidTransition));
  });

  describe('when a category 4 list is posted over the 30 April and 1 May holidays', () => {
    const history = [
      submitted('4', { at: '2020-04-27T02:00:00.000Z' }),
      reviewed('village-review', { at: '2020-04-28T02:00:00.000Z' }),
    ];

    it('refuses 30 April to 3 May, no working day at all, as InvalidTransition', () =>
      given(history)
        .when(stepCommand('public-posting', { postedFrom: '2020-04-30', postedUntil: '2020-05-03', at: '2020-05-04T09:00:00.000Z' }))
        .thenThrows(InvalidTransition, (error) => expect(error).toMatchObject({ key: 'posting.too-short', params: { days: 2 } })));

    it('refuses 29 April to 1 May, one working day, as InvalidTransition', () =>
      given(history)
        .when(stepCommand('public-posting', { postedFrom: '2020-04-29', postedUntil: '2020-05-01', at: '2020-05-01T09:00:00.000Z' }))
        .thenThrows(InvalidTransition));

    it('records 29 April to 4 May, two working days counting both ends', () =>
      given(history)
        .when(stepCommand('public-posting', { postedFrom: '2020-04-29', postedUntil: '2020-05-04', at: '2020-05-04T09:00:00.000Z' }))
        .then([posted('public-posting', { postedFrom: '2020-04-29', postedUntil: '2020-05-04', at: '2020-05-04T09:00:00.000Z' })]));
  });

  describe('when a category 2 claim has been reviewed by the village', () => {
    it('records a posting without dates as posted today, since category 2 sets no minimum', () =>
      given(awaiting('2', 'public-posting'))
        .when(stepCommand('public-posting', { postedFrom: undefined, postedUntil: undefined }))
        .then([posted('public-posting', { postedFrom: '2020-05-21', postedUntil: '2020-05-21' })]));
  });

  describe('when a category 4 list has been posted', () => {
    const history = awaiting('4', 'ward-approval');

    it('approves every claimed month unless told otherwise', () =>
      given(history).when(stepCommand('ward-approval')).then([approved('ward-approval', { months: ['2020-04', '2020-05'], amount: 2_000_000 })]));

    it('approves a subset of the claimed months, in calendar order, at the rate for those months', () =>
      given([submitted('2'), reviewed('village-review'), posted('public-posting')])
        .when(stepCommand('ward-approval', { approvedMonths: ['2020-06', '2020-04'] }))
        .then([approved('ward-approval', { months: ['2020-04', '2020-06'], amount: 2_000_000 })]));

    it.each([
      ['a month not claimed', ['2020-04', '2020-06']],
      ['no month at all', []],
      ['a month twice', ['2020-04', '2020-04']],
      ['something that is not a month', ['2020-4']],
    ])('refuses approving %s as ClaimInvalid', (_case, approvedMonths) =>
      given(history).when(stepCommand('ward-approval', { approvedMonths })).thenThrows(ClaimInvalid, (error) =>
        expect(error.errors).toEqual([{ field: 'approvedMonths', message: 'months.not-claimed', params: { months: ['2020-04', '2020-05'] } }])));

    it('refuses a district appraiser approving for the ward (reason role)', () =>
      given(history).when(stepCommand('ward-approval', { by: districtAppraiser })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));

    it('refuses the ward approver of another ward (reason ward-scope)', () =>
      given(history).when(stepCommand('ward-approval', { by: inWard(wardApprover, 'W02') })).thenThrows(NotPermitted, (error) =>
        expect(error.reason).toBe('ward-scope')));

    it('refuses the village reviewer approving what they reviewed (reason segregation-of-duties)', () =>
      given(history)
        .when(stepCommand('ward-approval', { by: alsoActingAs(villageReviewer, 'ward-approver') }))
        .thenThrows(NotPermitted, (error) => expect(error.reason).toBe('segregation-of-duties')));

    it('is rejected by the ward with the reasons in writing', () =>
      given(history).when(rejectCommand('ward-approval', 'income above the near-poor line')).then([rejected('ward-approval', 'income above the near-poor line')]));
  });

  describe('when a category 4 claim has been approved by the ward', () => {
    const history = awaiting('4', 'district-appraisal');

    it('is appraised by the district', () => given(history).when(stepCommand('district-appraisal')).then([reviewed('district-appraisal')]));

    it('refuses the ward approver appraising at district level too (reason segregation-of-duties)', () =>
      given(history)
        .when(stepCommand('district-appraisal', { by: alsoActingAs(wardApprover, 'district-appraiser') }))
        .thenThrows(NotPermitted, (error) => expect(error.reason).toBe('segregation-of-duties')));

    it('refuses the village reviewer appraising at district level too (reason segregation-of-duties)', () =>
      given(history)
        .when(stepCommand('district-appraisal', { by: alsoActingAs(villageReviewer, 'district-appraiser') }))
        .thenThrows(NotPermitted, (error) => expect(error.reason).toBe('segregation-of-duties')));

    it('is rejected at district level, after the ward approved', () =>
      given(history).when(rejectCommand('district-appraisal', 'already supported in Hà Nội')).then([rejected('district-appraisal', 'already supported in Hà Nội')]));
  });

  describe('when a category 4 claim awaits the provincial decision', () => {
    const history = awaiting('4', 'provincial-decision');

    it('records the decision with its number', () =>
      given(history).when(stepCommand('provincial-decision', { decisionNo: '1733/QĐ-UBND' })).then([decided('provincial-decision', { decisionNo: '1733/QĐ-UBND' })]));

    it('takes the reference as the decision number when only a reference is given', () =>
      given(history)
        .when(stepCommand('provincial-decision', { decisionNo: undefined, reference: '1733/QĐ-UBND' }))
        .then([decided('provincial-decision', { decisionNo: '1733/QĐ-UBND', reference: '1733/QĐ-UBND' })]));

    it.each([
      ['no decision number', undefined],
      ['a blank decision number', ' '],
    ])('refuses a decision with %s as ClaimInvalid (F4)', (_case, decisionNo) =>
      given(history).when(stepCommand('provincial-decision', { decisionNo })).thenThrows(ClaimInvalid, (error) =>
        expect(error.errors).toEqual([{ field: 'decisionNo', message: 'decision.number-required', params: { step: 'provincial-decision' } }])));

    it('refuses a district appraiser deciding for the province (reason role)', () =>
      given(history).when(stepCommand('provincial-decision', { by: districtAppraiser })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));

    it('refuses the district appraiser deciding on what they appraised (reason segregation-of-duties)', () =>
      given(history)
        .when(stepCommand('provincial-decision', { by: alsoActingAs(districtAppraiser, 'province-approver') }))
        .thenThrows(NotPermitted, (error) => expect(error.reason).toBe('segregation-of-duties')));

    it('refuses the ward approver deciding at the province too (reason segregation-of-duties)', () =>
      given(history)
        .when(stepCommand('provincial-decision', { by: inWard(alsoActingAs(wardApprover, 'province-approver'), null) }))
        .thenThrows(NotPermitted, (error) => expect(error.reason).toBe('segregation-of-duties')));

    it('is rejected by the province with the reasons in writing', () =>
      given(history).when(rejectCommand('provincial-decision', 'over the reported budget')).then([rejected('provincial-decision', 'over the reported budget')]));
  });

  describe('when a category 2 claim awaits the district review after the tax appraisal', () => {
    it('refuses the tax officer, who is not a district appraiser, reviewing for the district (reason role)', () =>
      given(awaiting('2', 'district-review'))
        .when(stepCommand('district-review', { by: taxOfficer }))
        .thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));

    it('refuses the tax appraiser also reviewing for the district, even holding that role too (reason segregation-of-duties)', () =>
      given(awaiting('2', 'district-review'))
        .when(stepCommand('district-review', { by: alsoActingAs(taxOfficer, 'district-appraiser') }))
        .thenThrows(NotPermitted, (error) => expect(error.reason).toBe('segregation-of-duties')));
  });

  describe('when a category 1 claim has been confirmed by social insurance', () => {
    it('refuses the officer who confirmed it also appraising it (reason segregation-of-duties)', () =>
      given(awaiting('1', 'district-appraisal'))
        .when(stepCommand('district-appraisal', { by: alsoActingAs(socialInsuranceOfficer, 'district-appraiser'), approvedMonths: ['2020-04'] }))
        .thenThrows(NotPermitted, (error) => expect(error.reason).toBe('segregation-of-duties')));

    it('refuses a village reviewer, who has no part in category 1 (reason role)', () =>
      given(awaiting('1', 'social-insurance-confirmation')).when(stepCommand('social-insurance-confirmation', { by: villageReviewer })).thenThrows(NotPermitted, (error) =>
        expect(error.reason).toBe('role')));
  });

  describe('when every approval is done and only payment is left', () => {
    it('refuses the provincial decision a second time as InvalidTransition', () =>
      given(awaiting('7', 'payment')).when(stepCommand('provincial-decision', { by: provinceApprover })).thenThrows(InvalidTransition));
  });

  describe('when rejected', () => {
    const history = [...awaiting('4', 'ward-approval'), rejected('ward-approval', 'income above the near-poor line')];

    it.each(['ward-approval', 'district-appraisal'])('refuses %s as InvalidTransition', (step) =>
      given(history).when(stepCommand(step)).thenThrows(InvalidTransition, (error) => expect(error).toMatchObject({ key: 'step.not-now', params: { status: 'rejected' } })));
  });
});
