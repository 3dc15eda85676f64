import {
  CATEGORIES, anApplicant, approved, asStored, awaiting, decided, filedClaim, paid, paidInFull, posted, recovered, recoveryOrdered, rejected, reviewed, shippedCatalog, submitted,
  inspector, villageReviewer, type CategoryCode,
} from '@lib/testing';
import type { SupportApplicationEvent } from '@lib/domain';
import { evolveCaseFacts, type CaseFacts } from '../case-facts';
import { ALERT_REASON_KEYS } from './alert-reason';
import { detectApplication, lastDayOfOneMonth } from './application-detectors';

const catalog = shippedCatalog();
const programme = catalog('nq42-2020', 1)!;

const factsOf = (events: { type: string; data: object }[]): CaseFacts =>
  asStored(events).reduce<CaseFacts | null>((facts, event) => evolveCaseFacts(facts, event, catalog), null)!;
const rulesOf = (events: { type: string; data: object }[]) => detectApplication(factsOf(events), programme).map((finding) => finding.rule);
const withClaim = (category: CategoryCode, overrides: Record<string, unknown>, rest: SupportApplicationEvent[] = []) =>
  [submitted(category, { claim: filedClaim(category, overrides) }), ...rest];

/** Category 1's default appraisal and decision days are outside its 3- and 2-day limits; on time here. */
const cleanPaid = (category: CategoryCode) =>
  paidInFull(category).map((event) => {
    if (category !== '1') return event;
    if (event.type === 'SupportApplicationApproved') return approved('district-appraisal', { months: filedClaim('1').months, amount: 5_400_000, at: '2020-05-20T02:00:00.000Z' });
    if (event.type === 'SupportApplicationDecided') return decided('provincial-decision', { at: '2020-05-21T02:00:00.000Z' });
    return event;
  });

describe('Fraud detectors: one application', () => {
  describe('when paid in full by the rules', () => {
    it.each(CATEGORIES)('raises nothing for category %s', (category) => expect(rulesOf(cleanPaid(category))).toEqual([]));
  });

  it.each<[string, { type: string; data: object }[], string]>([
    ['F2: a temporary resident without the other place’s confirmation', withClaim('4', { residence: 'temporary' }), 'F2'],
    ['F3: an approval above rate × months', [...awaiting('4', 'ward-approval'), approved('ward-approval', { months: ['2020-04', '2020-05'], amount: 3_000_000 })], 'F3'],
    ['F3: an approved month outside the window', [...awaiting('4', 'ward-approval'), approved('ward-approval', { months: ['2020-03', '2020-04'], amount: 2_000_000 })], 'F3'],
    ['F4: a payment without the provincial decision', [...awaiting('4', 'provincial-decision'), paid(2_000_000)], 'F4'],
    ['F4: a payment above the approved amount', [...awaiting('4', 'payment'), paid(5_000_000)], 'F4'],
    ['F5: a list forwarded without posting', [submitted('4'), reviewed('village-review'), approved('ward-approval', { months: ['2020-04', '2020-05'], amount: 2_000_000 })], 'F5'],
    ['F5: a posting of one working day', [submitted('4'), reviewed('village-review'), posted('public-posting', { postedFrom: '2020-05-21', postedUntil: '2020-05-21' })], 'F5'],
    ['F6: one officer reviewing and deciding', [...awaiting('7', 'provincial-decision'), decided('provincial-decision', { by: villageReviewer })], 'F6'],
    ['F7: a household business with 150 million revenue', withClaim('2', { revenue2020: 150_000_000 }), 'F7'],
    ['F7: a household business without its closure decision', withClaim('2', { closureDecisionRef: undefined }), 'F7'],
    ['F8: an occupation outside the list (farming)', withClaim('4', { occupation: 'rice-farmer' }), 'F8'],
    ['F8: income above the near-poor line', withClaim('4', { monthlyIncome: 2_500_000 }), 'F8'],
    ['F9: a month claimed before the job loss', withClaim('4', { jobLostOn: '2020-05-02' }), 'F9'],
    ['F10: a contract signed after 1 April', withClaim('3', { contractSignedOn: '2020-04-15' }), 'F10'],
    ['F10: also receiving unemployment benefit', withClaim('3', { receivingUnemploymentBenefit: true }), 'F10'],
    ['F11: a suspension starting in March', withClaim('1', { suspensionStart: '2020-03-15' }), 'F11'],
    ['F11: approved without the BHXH confirmation', [submitted('1'), approved('district-appraisal', { months: filedClaim('1').months, amount: 5_400_000, at: '2020-05-19T02:00:00.000Z' })], 'F11'],
    ['F12: a poor household without its list reference', withClaim('7', { povertyListRef: undefined }), 'F12'],
    ['F14: a receipt below the approved amount', [...awaiting('4', 'payment'), paid(1_500_000)], 'F14'],
    ['F15: refused after payment with nothing ordered back', [...paidInFull('4'), rejected('payment', 'not eligible after re-review', { by: inspector })], 'F15'],
    ['F16: a village review after its 5 working days', [submitted('4'), reviewed('village-review', { at: '2020-05-27T02:00:00.000Z' })], 'F16'],
  ])('%s', (_case, events, rule) => expect(rulesOf(events)).toEqual([rule]));

  describe('reasons are message keys and params, never sentences (the API and the console word them in vi or en)', () => {
    const reasonsOf = (events: { type: string; data: object }[]) => detectApplication(factsOf(events), programme).flatMap((finding) => finding.reasons);

    it.each<[string, { type: string; data: object }[], object]>([
      ['F3: amount off the rate', [...awaiting('4', 'ward-approval'), approved('ward-approval', { months: ['2020-04', '2020-05'], amount: 3_000_000 })],
        { key: 'alert.amount-not-rate', params: { amount: 3_000_000, expected: 2_000_000 } }],
      ['F3: a month outside the window', [...awaiting('4', 'ward-approval'), approved('ward-approval', { months: ['2020-03', '2020-04'], amount: 2_000_000 })],
        { key: 'alert.months-outside-window', params: { months: ['2020-03'], from: '2020-04', to: '2020-06' } }],
      ['F4: paid above the approved amount', [...awaiting('4', 'payment'), paid(5_000_000)], { key: 'alert.paid-more-than-owed', params: { amount: 5_000_000, owed: 2_000_000 } }],
      ['F5: posted one working day', [submitted('4'), reviewed('village-review'), posted('public-posting', { postedFrom: '2020-05-21', postedUntil: '2020-05-21' })],
        { key: 'alert.posted-too-briefly', params: { days: 1, required: 2 } }],
      ['F14: paid less than approved', [...awaiting('4', 'payment'), paid(1_500_000)], { key: 'alert.paid-less-than-approved', params: { amount: 1_500_000, owed: 2_000_000 } }],
      ['F16: a late village review', [submitted('4'), reviewed('village-review', { at: '2020-05-27T02:00:00.000Z' })],
        { key: 'alert.step-late', params: expect.objectContaining({ step: 'village-review', on: '2020-05-27', days: 5 }) }],
    ])('%s', (_case, events, expected) => expect(reasonsOf(events)).toContainEqual(expected));

    it('names a failed condition by the programme’s words in both languages, not its English message', () => {
      const [why] = reasonsOf(withClaim('2', { revenue2020: 150_000_000 }));
      expect(why).toMatchObject({ key: 'alert.condition-failed', params: { value: 150_000_000 } });
      expect(why.params.field).toEqual({ vi: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) });
      expect(why.params.condition).toEqual({ vi: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) });
    });

    it('gives every reason a known key, for every rule one application can break', () => {
      const everyCase = [
        withClaim('4', { residence: 'temporary' }), [...awaiting('4', 'provincial-decision'), paid(2_000_000)], [submitted('4'), reviewed('village-review'), approved('ward-approval', { months: ['2020-04', '2020-05'], amount: 2_000_000 })],
        [...awaiting('7', 'provincial-decision'), decided('provincial-decision', { by: villageReviewer })], withClaim('4', { occupation: 'rice-farmer' }), withClaim('4', { jobLostOn: '2020-05-02' }),
        withClaim('3', { contractSignedOn: '2020-04-15' }), withClaim('1', { suspensionStart: '2020-03-15', suspensionEnd: '2020-03-20' }), withClaim('7', { povertyListRef: undefined }),
        [...paidInFull('4'), rejected('payment', 'not eligible after re-review', { by: inspector })],
      ];
      const reasons = everyCase.flatMap(reasonsOf);
      expect(reasons.length).toBeGreaterThanOrEqual(everyCase.length);
      for (const why of reasons) expect(ALERT_REASON_KEYS).toContain(why.key);
    });
  });

  it('raises F9 for a category 4 claim filed before the 15th of its first month', () =>
    expect(rulesOf([submitted('4', { claim: filedClaim('4', { months: ['2020-05'], jobLostOn: '2020-05-01' }), at: '2020-05-08T02:00:00.000Z' })])).toEqual(['F9']));

  it('names the application, the rule’s legal basis comes from the programme, and the evidence is the approval’s position', () => {
    const events = asStored([...awaiting('4', 'ward-approval'), approved('ward-approval', { months: ['2020-04', '2020-05'], amount: 3_000_000 })]);
    const facts = events.reduce<CaseFacts | null>((folded, event) => evolveCaseFacts(folded, event, catalog), null)!;
    expect(detectApplication(facts, programme)).toEqual([expect.objectContaining({
      rule: 'F3', subject: `application:${facts.applicationId}`, applicationIds: [facts.applicationId], wards: ['W01'], evidence: [events[events.length - 1].position],
    })]);
  });

  it('raises nothing once a rule is disabled in the programme', () => {
    const quiet = { ...programme, fraudRules: { ...programme.fraudRules, F8: { ...programme.fraudRules!.F8!, enabled: false } } };
    expect(detectApplication(factsOf(withClaim('4', { occupation: 'rice-farmer' })), quiet)).toEqual([]);
    expect(anApplicant().ward).toBe('W01');
  });

  describe('issue 12 item 7: detector defects', () => {
    it.each([
      ['2020-06-01', '2020-06-30'], ['2020-04-15', '2020-05-14'], ['2020-01-31', '2020-02-28'], ['2020-12-01', '2020-12-31'],
    ])('a suspension from %s lasts one month through %s', (start, end) => expect(lastDayOfOneMonth(start)).toBe(end));

    it('F11: nothing for a suspension of exactly one month (01/6 to 30/6)', () =>
      expect(rulesOf(withClaim('1', { months: ['2020-06'], suspensionStart: '2020-06-01', suspensionEnd: '2020-06-30' }))).toEqual([]));

    it('F11: a suspension one day short of a month (01/6 to 29/6)', () =>
      expect(rulesOf(withClaim('1', { months: ['2020-06'], suspensionStart: '2020-06-01', suspensionEnd: '2020-06-29' }))).toEqual(['F11']));

    it('F9: checks every month claimed, not only the first (April fine, June filed on 18/5)', () => {
      const facts = factsOf([submitted('4', { claim: filedClaim('4', { months: ['2020-04', '2020-06'] }) })]);
      const [finding] = detectApplication(facts, programme);
      expect(finding).toMatchObject({ rule: 'F9', reasons: [{ key: 'alert.filed-before-day', params: { filedOn: '2020-05-18', day: 15, months: ['2020-06'] } }] });
    });

    it('F2: nothing for a temporary resident whose permanent residence is in this province', () =>
      expect(rulesOf(withClaim('4', { residence: 'temporary', permanentResidenceInProvince: true }))).toEqual([]));

    it('F2: still raised for a temporary resident from another province', () =>
      expect(rulesOf(withClaim('4', { residence: 'temporary', permanentResidenceInProvince: false }))).toEqual(['F2']));

    const refusedAfterPayment = [...paidInFull('4'), rejected('payment', 'not eligible after re-review', { by: inspector })];
    it('F15: ordered back in full but not recovered still holds', () =>
      expect(rulesOf([...refusedAfterPayment, recoveryOrdered(2_000_000)])).toEqual(['F15']));

    it('F15: clears once what was paid is recovered', () =>
      expect(rulesOf([...refusedAfterPayment, recoveryOrdered(2_000_000), recovered(2_000_000)])).toEqual([]));

    it('F15: a partial recovery still holds', () =>
      expect(rulesOf([...refusedAfterPayment, recoveryOrdered(2_000_000), recovered(1_000_000)])).toEqual(['F15']));

    it('normalises full-width digits, spaces and +84 in IDs, phones and bank accounts', () => {
      const facts = factsOf([submitted('4', { applicant: anApplicant({ citizenId: '０２００８０００１２３４', phone: '+84 ９１２ ３４５ ６７８', bankAccount: '０１２３-４５６-７８９' }) })]);
      expect(facts).toMatchObject({ citizenId: '020080001234', phone: '0912345678', bankAccount: '0123456789' });
    });

    it.each([
      ['Thôn 3, xã Tân Lập', null],
      ['Khối 4, phường Hoàng Văn Thụ', null],
      ['Ấp 2, xã Tân Phú, W01', null],
      ['Số 5, thôn 3, xã Tân Lập', 'W01|so 5 thon 3 xa tan lap'],
      ['Nhà trọ số 12, W01', 'W01|nha tro so 12 w01'],
      ['１２ Lê Lợi', 'W01|12 le loi'],
    ])('F13 clusters %s under %s (a village address without a house number clusters no one)', (address, key) =>
      expect(factsOf([submitted('4', { applicant: anApplicant({ address }) })]).addressKey).toBe(key));
  });
});
