import {
  anApplicant,
  claimFor,
  filedClaim,
  inWard,
  intakeOfficer,
  submitCommand,
  submitted,
  supportApplicationSpec,
  villageReviewer,
  type CategoryCode,
} from '@lib/testing/builders/support-application.builders';
import { shippedProgrammes } from '@lib/testing/programmes';
import { ClaimInvalid, InvalidTransition, NotEligible, NotPermitted } from '../common/domain-error';
import { catalogOf, type ProgrammeDefinition } from '../programme/programme-definition';

const given = supportApplicationSpec();

const refusedFor = (field: string, message: string, params?: Record<string, unknown>) => ({ field, message, ...(params ? { params } : {}) });
/**
 * A programme condition, named in the refusal by the definition's own words for it in both
 * languages: the condition of the category whose `message` reads `words`.
 */
const unmet = (category: CategoryCode, field: string, words: string | RegExp) => {
  const conditions = shippedProgrammes()[0].categories.find((candidate) => candidate.code === category)!.conditions;
  const condition = conditions.find((candidate) => candidate.field === field.replace(/^claim\./, '') && (typeof words === 'string' ? candidate.message === words : words.test(candidate.message)));
  expect(condition?.messageLabel).toBeDefined();
  return { field, message: 'eligibility.condition', params: { condition: condition!.messageLabel } };
};

describe('SupportApplication', () => {
  describe('when nothing has been submitted', () => {
    it.each([
      ['1', 5_400_000],
      ['2', 3_000_000],
      ['3', 2_000_000],
      ['4', 2_000_000],
      ['5', 1_500_000],
      ['6', 1_500_000],
      ['7', 6_750_000],
    ] as [CategoryCode, number][])('accepts a valid category %s claim, claiming %d VND', (category, claimedAmount) =>
      given([]).when(submitCommand({ category })).then([submitted(category, { claimedAmount })]));

    it('records the claim with its months in calendar order', () =>
      given([])
        .when(submitCommand({ category: '2', claim: claimFor('2', { months: ['2020-06', '2020-04'] }) }))
        .then([submitted('2', { claim: filedClaim('2', { months: ['2020-04', '2020-06'] }), claimedAmount: 2_000_000 })]));

    it('drops optional fields left out of the claim', () =>
      given([])
        .when(submitCommand({ category: '4', claim: claimFor('4', { residence: undefined }) }))
        .then([submitted('4', { claim: filedClaim('4', { residence: undefined }) })]));

    describe('refuses, as ClaimInvalid,', () => {
      it('an unknown programme', () =>
        given([]).when(submitCommand({ category: '4', programmeId: 'nq68-2021' })).thenThrows(ClaimInvalid, (error) =>
          expect(error.errors).toEqual([refusedFor('programme', 'programme.unknown', { programme: 'nq68-2021' })])));

      it('an unknown category, naming the categories there are', () =>
        given([]).when(submitCommand({ category: '9', claim: { months: ['2020-04'] } })).thenThrows(ClaimInvalid, (error) =>
          expect(error.errors).toEqual([refusedFor('category', 'category.unknown', { categories: ['1', '2', '3', '4', '5', '6', '7', '8'] })])));

      it('a claim with bad fields, listing every one of them', () =>
        given([])
          .when(
            submitCommand({
              category: '1',
              claim: claimFor('1', {
                months: ['2020-4'],
                employerName: '   ',
                employerTaxCode: 4900123456,
                suspensionStart: '2020-02-30',
                suspensionEnd: undefined,
                socialInsured: 'yes',
                employerUnableToPay: null,
              }),
            }),
          )
          .thenThrows(ClaimInvalid, (error) => {
            expect(error.errors).toHaveLength(7);
            expect(error.errors).toEqual(
              expect.arrayContaining([
                refusedFor('claim.months', 'claim.months'),
                refusedFor('claim.employerName', 'claim.text', { max: 500 }),
                refusedFor('claim.employerTaxCode', 'claim.text', { max: 500 }),
                refusedFor('claim.suspensionStart', 'claim.date'),
                refusedFor('claim.suspensionEnd', 'field.required'),
                refusedFor('claim.socialInsured', 'claim.boolean'),
                refusedFor('claim.employerUnableToPay', 'field.required'),
              ]),
            );
          }));

      it('a claim field the category does not have', () =>
        given([]).when(submitCommand({ category: '4', claim: claimFor('4', { bonusRequested: true }) })).thenThrows(ClaimInvalid, (error) =>
          expect(error.errors).toEqual([refusedFor('claim.bonusRequested', 'claim.unknown-field', { category: '4' })])));

      it('a field of another category', () =>
        given([]).when(submitCommand({ category: '4', claim: claimFor('4', { revenue2020: 10_000_000 }) })).thenThrows(ClaimInvalid, (error) =>
          expect(error.errors).toEqual([refusedFor('claim.revenue2020', 'claim.unknown-field', { category: '4' })])));

      it.each([
        ['no months', undefined],
        ['an empty list of months', []],
        ['a month that is not YYYY-MM', ['April 2020']],
      ])('a monthly category claiming %s', (_case, months) =>
        given([]).when(submitCommand({ category: '4', claim: claimFor('4', { months }) })).thenThrows(ClaimInvalid, (error) =>
          expect(error.errors).toEqual([refusedFor('claim.months', 'claim.months')])));

      it('a month claimed twice', () =>
        given([]).when(submitCommand({ category: '4', claim: claimFor('4', { months: ['2020-04', '2020-04'] }) })).thenThrows(ClaimInvalid, (error) =>
          expect(error.errors).toEqual([refusedFor('claim.months', 'claim.months-repeated')])));

      it('an occupation outside the national list (category 4)', () =>
        given([]).when(submitCommand({ category: '4', claim: claimFor('4', { occupation: 'rice-farmer' }) })).thenThrows(ClaimInvalid, (error) =>
          expect(error.errors).toEqual([refusedFor('claim.occupation', 'claim.one-of', { values: expect.arrayContaining(['street-vendor', 'waste-collector']) })])));

      it.each([
        [0, 'claim.at-least', { min: 1 }],
        [31, 'claim.at-most', { max: 30 }],
        [4.5, 'claim.whole-number', undefined],
        ['nine', 'claim.whole-number', undefined],
      ])('a household of %p members (category 7)', (householdMembers, message, params) =>
        given([]).when(submitCommand({ category: '7', claim: claimFor('7', { householdMembers }) })).thenThrows(ClaimInvalid, (error) =>
          expect(error.errors).toEqual([refusedFor('claim.householdMembers', message, params)])));

      it('a negative revenue (category 2)', () =>
        given([]).when(submitCommand({ category: '2', claim: claimFor('2', { revenue2020: -1 }) })).thenThrows(ClaimInvalid, (error) =>
          expect(error.errors).toEqual([refusedFor('claim.revenue2020', 'claim.at-least', { min: 0 })])));
    });

    describe('refuses, as NotEligible,', () => {
      it('a month outside the qualifying window', () =>
        given([]).when(submitCommand({ category: '4', claim: claimFor('4', { months: ['2020-06', '2020-07'] }), at: '2020-07-20T02:00:00.000Z' })).thenThrows(NotEligible, (error) =>
          expect(error.reasons).toEqual([refusedFor('claim.months', 'eligibility.outside-window', { months: ['2020-07'], from: '2020-04', to: '2020-06' })])));

      it('a one-off category claiming a month outside April to June', () =>
        given([]).when(submitCommand({ category: '5', claim: claimFor('5', { months: ['2020-03'] }) })).thenThrows(NotEligible, (error) =>
          expect(error.reasons).toEqual([
            refusedFor('claim.months', 'eligibility.outside-window', { months: ['2020-03'], from: '2020-04', to: '2020-06' }),
            refusedFor('claim.months', 'eligibility.whole-window', { category: '5', months: ['2020-04', '2020-05', '2020-06'] }),
          ])));

      it('four months, naming both the month outside the window and the 3-month cap', () =>
        given([])
          .when(submitCommand({ category: '2', claim: claimFor('2', { months: ['2020-04', '2020-05', '2020-06', '2020-07'] }) }))
          .thenThrows(NotEligible, (error) =>
            expect(error.reasons).toEqual([
              refusedFor('claim.months', 'eligibility.outside-window', { months: ['2020-07'], from: '2020-04', to: '2020-06' }),
              refusedFor('claim.months', 'eligibility.month-cap', { count: 4, category: '2', max: 3 }),
            ])));

      it('more months than the cap even inside a wider window', () => {
        const wider = widenedWindow('4', '2020-12');
        supportApplicationSpec(catalogOf([wider]))([])
          .when(submitCommand({ category: '4', claim: claimFor('4', { months: ['2020-04', '2020-05', '2020-06', '2020-07'] }), at: '2020-07-20T02:00:00.000Z' }))
          .thenThrows(NotEligible, (error) => expect(error.reasons).toEqual([refusedFor('claim.months', 'eligibility.month-cap', { count: 4, category: '4', max: 3 })]));
      });

      it('every unmet condition at once', () =>
        given([])
          .when(submitCommand({ category: '3', claim: claimFor('3', { contractSignedOn: '2020-04-15', receivingUnemploymentBenefit: true, monthlyIncome: 2_000_000 }) }))
          .thenThrows(NotEligible, (error) =>
            expect(error.reasons.map((reason) => reason.field)).toEqual(['claim.contractSignedOn', 'claim.receivingUnemploymentBenefit', 'claim.monthlyIncome'])));
    });

    describe.each<[string, CategoryCode, Record<string, unknown>, string, string | RegExp]>([
      ['category 1 suspension starting before 2020-04-01', '1', { suspensionStart: '2020-03-31' }, 'claim.suspensionStart', /must start between 2020-04-01 and 2020-06-01/],
      ['category 1 suspension starting after 2020-06-01', '1', { suspensionStart: '2020-06-02', suspensionEnd: '2020-07-01', months: ['2020-06'] }, 'claim.suspensionStart', /must start between 2020-04-01 and 2020-06-01/],
      ['category 1 suspension of a month less a day (01/4 to 29/4)', '1', { suspensionEnd: '2020-04-29', months: ['2020-04'] }, 'claim.suspensionEnd', /at least one month/],
      ['category 1 suspension of six days (15/5 to 20/5)', '1', { suspensionStart: '2020-05-15', suspensionEnd: '2020-05-20', months: ['2020-05'] }, 'claim.suspensionEnd', /at least one month/],
      ['category 1 month claimed after the suspension ended', '1', { suspensionEnd: '2020-05-31', months: ['2020-04', '2020-05', '2020-06'] }, 'claim.suspensionEnd', /after the suspension or unpaid leave ended/],
      ['category 2 month claimed after the business reopened', '2', { reopenedOn: '2020-06-01' }, 'claim.reopenedOn', /after the business reopened/],
      ['category 2 reopening before the suspension', '2', { suspendedFrom: '2020-05-10', reopenedOn: '2020-05-05', months: ['2020-05'] }, 'claim.reopenedOn', /cannot reopen before it suspended/],
      ['category 1 worker not in compulsory social insurance', '1', { socialInsured: false }, 'claim.socialInsured', /compulsory social insurance/],
      ['category 1 employer still able to pay wages', '1', { employerUnableToPay: false }, 'claim.employerUnableToPay', /no revenue or no funds/],
      ['category 1 month before the suspension started', '1', { suspensionStart: '2020-05-15', months: ['2020-04', '2020-05'] }, 'claim.suspensionStart', 'no month before the suspension started can be claimed'],
      ['category 2 revenue of 100,000,000 VND', '2', { revenue2020: 100_000_000 }, 'claim.revenue2020', /must be under 100,000,000 VND/],
      ['category 2 business suspended before 2020-04-01', '2', { suspendedFrom: '2020-03-31' }, 'claim.suspendedFrom', /suspended from 2020-04-01/],
      ['category 2 month before the suspension', '2', { suspendedFrom: '2020-05-01' }, 'claim.suspendedFrom', 'no month before the suspension can be claimed'],
      ['category 3 contract signed on 2020-04-01', '3', { contractSignedOn: '2020-04-01' }, 'claim.contractSignedOn', /signed before 2020-04-01/],
      ['category 3 termination before 2020-04-01', '3', { terminatedOn: '2020-03-31' }, 'claim.terminatedOn', /ended between 2020-04-01 and 2020-06-15/],
      ['category 3 termination after 2020-06-15', '3', { terminatedOn: '2020-06-16', months: ['2020-06'] }, 'claim.terminatedOn', /ended between 2020-04-01 and 2020-06-15/],
      ['category 3 worker entitled to unemployment benefit', '3', { receivingUnemploymentBenefit: true }, 'claim.receivingUnemploymentBenefit', /unemployment benefit/],
      ['category 3 worker not in compulsory social insurance', '3', { socialInsured: false }, 'claim.socialInsured', /compulsory social insurance/],
      ['category 3 income at the near-poor line', '3', { monthlyIncome: 1_300_000 }, 'claim.monthlyIncome', /below the near-poor line/],
      ['category 3 month before the termination', '3', { months: ['2020-04', '2020-05'] }, 'claim.terminatedOn', 'no month before the termination can be claimed'],
      ['category 4 job lost before 2020-04-01', '4', { jobLostOn: '2020-03-31' }, 'claim.jobLostOn', /lost between 2020-04-01 and 2020-06-30/],
      ['category 4 income at the near-poor line', '4', { monthlyIncome: 1_300_000 }, 'claim.monthlyIncome', /below the near-poor line/],
      ['category 4 month before the job loss', '4', { jobLostOn: '2020-05-10' }, 'claim.jobLostOn', 'no month before the job loss can be claimed'],
    ])('a claim with %s', (_case, category, overrides, field, message) => {
      // Received after every date and month in these claims, so that only the condition named fails.
      it('is refused as NotEligible, naming the condition', () =>
        given([]).when(submitCommand({ category, claim: claimFor(category, overrides), at: '2020-07-01T02:00:00.000Z' })).thenThrows(NotEligible, (error) =>
          expect(error.reasons).toEqual([unmet(category, field, message)])));
    });

    describe.each<[string, CategoryCode, Record<string, unknown>, number]>([
      ['category 1 suspension starting on 2020-04-01', '1', { suspensionStart: '2020-04-01' }, 5_400_000],
      ['category 1 suspension starting on 2020-06-01', '1', { suspensionStart: '2020-06-01', months: ['2020-06'] }, 1_800_000],
      ['category 1 suspension ending on 2020-05-01', '1', { suspensionEnd: '2020-05-01', months: ['2020-04', '2020-05'] }, 3_600_000],
      ['category 1 suspension of exactly one month (01/4 to 30/4)', '1', { suspensionEnd: '2020-04-30', months: ['2020-04'] }, 1_800_000],
      ['category 2 business reopened on 2020-06-01 claiming April and May', '2', { reopenedOn: '2020-06-01', months: ['2020-04', '2020-05'] }, 2_000_000],
      ['category 2 business reopened on 2020-06-10 claiming June too', '2', { reopenedOn: '2020-06-10' }, 3_000_000],
      ['category 2 revenue of 99,999,999 VND', '2', { revenue2020: 99_999_999 }, 3_000_000],
      ['category 2 business suspended from 2020-05-01 claiming May and June', '2', { suspendedFrom: '2020-05-01', months: ['2020-05', '2020-06'] }, 2_000_000],
      ['category 3 contract signed on 2020-03-31', '3', { contractSignedOn: '2020-03-31' }, 2_000_000],
      ['category 3 termination on 2020-06-15', '3', { terminatedOn: '2020-06-15', months: ['2020-06'] }, 1_000_000],
      ['category 3 income just below the near-poor line', '3', { monthlyIncome: 1_299_999 }, 2_000_000],
      ['category 4 job lost on 2020-06-30', '4', { jobLostOn: '2020-06-30', months: ['2020-06'] }, 1_000_000],
      ['category 4 lottery seller without a stated residence', '4', { occupation: 'lottery-seller', residence: undefined }, 2_000_000],
    ])('a claim with %s', (_case, category, overrides, claimedAmount) => {
      it(`is accepted, claiming ${claimedAmount} VND`, () =>
        given([]).when(submitCommand({ category, claim: claimFor(category, overrides), at: '2020-07-01T02:00:00.000Z' })).then([
          submitted(category, { claim: filedClaim(category, overrides), claimedAmount, at: '2020-07-01T02:00:00.000Z' }),
        ]));
    });

    describe('refuses, as NotPermitted,', () => {
      it('an officer without the intake role (reason role)', () =>
        given([]).when(submitCommand({ category: '4', by: villageReviewer })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));

      it('an intake officer of another ward (reason ward-scope)', () =>
        given([]).when(submitCommand({ category: '4', by: inWard(intakeOfficer, 'W02') })).thenThrows(NotPermitted, (error) =>
          expect(error.reason).toBe('ward-scope')));

      it('an applicant who lives in another ward than the intake officer (reason ward-scope)', () =>
        given([]).when(submitCommand({ category: '4', applicant: anApplicant({ ward: 'W07' }) })).thenThrows(NotPermitted, (error) =>
          expect(error.reason).toBe('ward-scope')));
    });
  });

  describe('when already submitted', () => {
    it('refuses a second submission as InvalidTransition', () =>
      given([submitted('4')]).when(submitCommand({ category: '4' })).thenThrows(InvalidTransition));
  });
});

/** nq42-2020 v1 with one category's window stretched, to test the month cap on its own. */
const widenedWindow = (category: CategoryCode, to: string): ProgrammeDefinition => {
  const shipped = shippedProgrammes().find((programme) => programme.id === 'nq42-2020' && programme.version === 1)!;
  return {
    ...shipped,
    categories: shipped.categories.map((candidate) => (candidate.code === category ? { ...candidate, window: { ...candidate.window, to } } : candidate)),
  };
};
