import { WORKER_A, WORKER_B, anApplicant, approved, approvedLoan, asStored, awaiting, loanClaim, rejected, shippedCatalog } from '@lib/testing';
import type { Applicant, SupportApplicationEvent } from '@lib/domain';
import { evolveCaseFacts, type CaseFacts } from '../case-facts';
import { detectLoanWorker } from './loan-worker-detector';

const catalog = shippedCatalog();
const programme = catalog('nq42-2020', 1)!;
let serial = 0;

/** One application's facts, folded from its events in log order; each gets its own id. */
const app = (events: SupportApplicationEvent[], applicant: Partial<Applicant> = {}): CaseFacts => {
  serial += 1;
  const applicationId = `8e000000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
  const renamed = events.map((event) => ({ ...event, data: { ...event.data, applicationId, ...('applicant' in event.data ? { applicant: anApplicant(applicant) } : {}) } }));
  return asStored(renamed).reduce<CaseFacts | null>((facts, event) => evolveCaseFacts(facts, event, catalog), null)!;
};

const furlough = (citizenId: string, months: string[]) => app([...awaiting('1', 'district-appraisal'), approved('district-appraisal', { months, amount: months.length * 1_800_000 })], { citizenId });
const loan = (claim?: Record<string, unknown>) => app(approvedLoan(claim), { citizenId: '001070000999', fullName: 'Trần Quốc Dũng' });

describe('F19: a worker on an employer loan also supported in category 1 for the same month', () => {
  it('flags worker A, lent wages for April and May, who holds furlough support for May and June', () => {
    const employerLoan = loan();
    const support = furlough(WORKER_A, ['2020-05', '2020-06']);
    const [finding, ...more] = detectLoanWorker(WORKER_A, [employerLoan, support], programme);
    expect(more).toEqual([]);
    expect(finding).toMatchObject({
      rule: 'F19',
      subject: `loan-worker:${WORKER_A}:nq42-2020`,
      applicationIds: [employerLoan.applicationId, support.applicationId].sort(),
      evidence: [employerLoan.heldFrom, support.heldFrom].sort((a, b) => a! - b!),
      raisedPosition: Math.max(employerLoan.heldFrom!, support.heldFrom!),
      details: {
        kind: 'loan-worker-also-furlough-supported',
        worker: WORKER_A,
        pairs: [{ loanApplicationId: employerLoan.applicationId, supportApplicationId: support.applicationId, months: ['2020-05'] }],
        months: ['2020-05'],
      },
    });
    expect(finding.reasons).toEqual([{ key: 'alert.loan-worker-furloughed', params: { worker: WORKER_A, loan: employerLoan.applicationId, support: support.applicationId, months: ['2020-05'] } }]);
  });

  it('nothing when the furlough support is for months the loan does not lend the worker’s wages for', () =>
    expect(detectLoanWorker(WORKER_A, [loan(), furlough(WORKER_A, ['2020-06'])], programme)).toEqual([]));

  it('nothing for a worker the loan does not list', () =>
    expect(detectLoanWorker('001090000333', [loan(), furlough('001090000333', ['2020-04'])], programme)).toEqual([]));

  it('nothing when the furlough support was refused before the loan was approved', () => {
    const refused = app([...awaiting('1', 'district-appraisal'), approved('district-appraisal', { months: ['2020-04'], amount: 1_800_000 }), rejected('provincial-decision', 'not furloughed')], { citizenId: WORKER_B });
    expect(detectLoanWorker(WORKER_B, [refused, loan()], programme)).toEqual([]);
  });

  it('nothing while the loan is only filed (not approved)', () => {
    const filed = app(approvedLoan().slice(0, 1), { citizenId: '001070000999' });
    expect(detectLoanWorker(WORKER_B, [filed, furlough(WORKER_B, ['2020-04'])], programme)).toEqual([]);
  });

  it('names both loans when two employers list the same worker for a supported month', () => {
    const first = loan();
    const second = loan(loanClaim({ employerTaxCode: '4900777888', workers: [{ citizenId: WORKER_B, fullName: 'Lý Thị Bình', months: ['2020-06'] }] }));
    const support = furlough(WORKER_B, ['2020-04', '2020-05', '2020-06']);
    const [finding] = detectLoanWorker(WORKER_B, [first, second, support], programme);
    expect(finding.details).toMatchObject({ months: ['2020-04', '2020-05', '2020-06'], pairs: [{ loanApplicationId: first.applicationId, months: ['2020-04', '2020-05', '2020-06'] }, { loanApplicationId: second.applicationId, months: ['2020-06'] }] });
  });

  it('nothing when the programme turns F19 off', () => {
    const off = { ...programme, fraudRules: { ...programme.fraudRules, F19: { ...programme.fraudRules!.F19!, enabled: false } } };
    expect(detectLoanWorker(WORKER_A, [loan(), furlough(WORKER_A, ['2020-04'])], off)).toEqual([]);
  });
});
