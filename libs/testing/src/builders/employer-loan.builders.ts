import { decide, evolve, initialState, type PerformSupportStep, type RecordSupportPayment, type SubmitSupportApplication, type SupportApplicationCommand, type SupportApplicationEvent } from '@lib/domain';
import { shippedCatalog } from '../programmes';
import { APPLICATION_ID, PROGRAMME_ID, anApplicant, districtAppraiser, officer, provinceApprover } from './support-application.builders';

/*
 * Category 8 (employer loans, nq42-2020 v1): the employer's representative files its list of
 * furloughed workers at the district; the district appraises, the province confirms, VBSP
 * approves the loan and disburses it month by month to each worker. Fixed ids and times.
 */

export const districtIntake = officer('district-appraiser', null, 'district-nhung');
export const lenderApprover = officer('lender-officer', null, 'vbsp-hai');
export const lenderCashier = officer('lender-officer', null, 'vbsp-thao');

export const WORKER_A = '001090000111';
export const WORKER_B = '001090000222';

/** Region I: 50 % of 4,420,000 VND. */
export const REGION_I_WORKER_MONTH = 2_210_000;

export const loanClaim = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  employerName: 'Công ty TNHH Du lịch Lạng Sơn',
  employerTaxCode: '4900555666',
  region: 'I',
  wagesPrepaid: true,
  noBadDebt: true,
  workers: [
    { citizenId: WORKER_A, fullName: 'Hoàng Văn An', months: ['2020-05', '2020-04'] },
    { citizenId: WORKER_B, fullName: 'Lý Thị Bình', months: ['2020-04', '2020-05', '2020-06'] },
  ],
  ...overrides,
});

/** Five worker-months in region I. */
export const LOAN_AMOUNT = 5 * REGION_I_WORKER_MONTH;

export const loanSubmit = (claim: Record<string, unknown> = loanClaim(), { by = districtIntake, applicationId = APPLICATION_ID } = {}): SubmitSupportApplication => ({
  type: 'SubmitSupportApplication',
  data: { applicationId, programmeId: PROGRAMME_ID, category: '8', applicant: anApplicant({ fullName: 'Trần Quốc Dũng' }), claim },
  metadata: { actor: by, now: '2020-05-18T02:00:00.000Z' },
});

const STEPS: Record<string, { by: typeof districtAppraiser; at: string; data?: Partial<PerformSupportStep['data']> }> = {
  'district-appraisal': { by: districtAppraiser, at: '2020-05-19T02:00:00.000Z' },
  'provincial-decision': { by: provinceApprover, at: '2020-05-20T02:00:00.000Z', data: { decisionNo: '1601/QĐ-UBND' } },
  'loan-approval': { by: lenderApprover, at: '2020-05-21T02:00:00.000Z' },
};

export const loanStep = (step: keyof typeof STEPS | string, { by, data = {}, applicationId = APPLICATION_ID }: { by?: typeof districtAppraiser; data?: Partial<PerformSupportStep['data']>; applicationId?: string } = {}): PerformSupportStep => ({
  type: 'PerformSupportStep',
  data: { applicationId, step, outcome: 'completed', ...STEPS[step]?.data, ...data },
  metadata: { actor: by ?? STEPS[step]?.by ?? districtAppraiser, now: STEPS[step]?.at ?? '2020-05-21T02:00:00.000Z' },
});

export const disburseCommand = (
  worker: string | undefined,
  month: string | undefined,
  amount = REGION_I_WORKER_MONTH,
  { by = lenderCashier, applicationId = APPLICATION_ID }: { by?: typeof lenderCashier; applicationId?: string } = {},
): RecordSupportPayment => ({
  type: 'RecordSupportPayment',
  data: { applicationId, amount, method: 'bank', reference: `NHCS-${worker}-${month}`, ...(worker === undefined ? {} : { worker }), ...(month === undefined ? {} : { month }) },
  metadata: { actor: by, now: '2020-05-29T02:00:00.000Z' },
});

/** The events the decider gives for these commands, one after another. */
export const historyOf = (commands: readonly SupportApplicationCommand[]): SupportApplicationEvent[] => {
  const catalog = shippedCatalog();
  const events: SupportApplicationEvent[] = [];
  for (const command of commands) events.push(...decide(command, events.reduce(evolve, initialState()), catalog));
  return events;
};

/** Filed, appraised, confirmed by the province and approved by VBSP: ready to disburse. */
export const approvedLoan = (claim?: Record<string, unknown>): SupportApplicationEvent[] =>
  historyOf([loanSubmit(claim), loanStep('district-appraisal'), loanStep('provincial-decision'), loanStep('loan-approval')]);

/** The Paid events of disbursing these worker-months, one after another, after `history`. */
export const disbursedAfter = (history: readonly SupportApplicationEvent[], workerMonths: readonly (readonly [string, string])[]): SupportApplicationEvent[] => {
  const catalog = shippedCatalog();
  const events: SupportApplicationEvent[] = [];
  for (const [worker, month] of workerMonths) events.push(...decide(disburseCommand(worker, month), [...history, ...events].reduce(evolve, initialState()), catalog));
  return events;
};
