import {
  LOAN_AMOUNT,
  REGION_I_WORKER_MONTH,
  WORKER_A,
  WORKER_B,
  approved as approvedEvent,
  approvedLoan,
  awaiting,
  decided,
  disburseCommand,
  disbursedAfter,
  districtAppraiser,
  districtIntake,
  historyOf,
  intakeOfficer,
  lenderApprover,
  lenderCashier,
  loanClaim,
  loanStep,
  loanSubmit,
  paymentCommand,
  reviewed,
  stateAfter,
  supportApplicationSpec,
  treasurer,
} from '@lib/testing';
import { AmountMismatch, ClaimInvalid, InvalidTransition, NotEligible, NotPermitted } from '../common/domain-error';

const given = supportApplicationSpec();

describe('Category 8, employer loans', () => {
  describe('when the employer files its list of workers', () => {
    it('records the workers and computes the loan: 50 % of the regional minimum wage × each worker’s months, summed', () =>
      given([]).when(loanSubmit()).thenMatches([{
        type: 'SupportApplicationSubmitted',
        data: {
          category: '8',
          claim: expect.objectContaining({
            months: ['2020-04', '2020-05', '2020-06'],
            workers: [
              { citizenId: WORKER_A, fullName: 'Hoàng Văn An', months: ['2020-04', '2020-05'] },
              { citizenId: WORKER_B, fullName: 'Lý Thị Bình', months: ['2020-04', '2020-05', '2020-06'] },
            ],
          }),
          claimedAmount: 5 * 2_210_000,
          steps: ['intake', 'district-appraisal', 'provincial-decision', 'loan-approval', 'disbursement'],
        },
      }]));

    it.each([
      ['II', 1_960_000],
      ['III', 1_715_000],
      ['IV', 1_535_000],
    ])('lends in region %s half its minimum wage per worker-month (%i VND)', (region, perMonth) =>
      given([]).when(loanSubmit(loanClaim({ region }))).thenMatches([{ data: { claimedAmount: 5 * perMonth } }]));

    it('refuses a worker listed for more than 3 months (the cap is per worker)', () =>
      given([]).when(loanSubmit(loanClaim({ workers: [{ citizenId: WORKER_A, fullName: 'Hoàng Văn An', months: ['2020-03', '2020-04', '2020-05', '2020-06'] }] })))
        .thenThrows(ClaimInvalid, (error) => expect(error.errors).toEqual([{ field: 'claim.workers[0].months', message: 'workers.month-cap', params: { max: 3 } }])));

    it('refuses months outside April–June 2020 (version 1)', () =>
      given([]).when(loanSubmit(loanClaim({ workers: [{ citizenId: WORKER_A, fullName: 'Hoàng Văn An', months: ['2020-07'] }] })))
        .thenThrows(NotEligible, (error) => expect(error.reasons.map((reason) => reason.message)).toEqual(['eligibility.outside-window'])));

    it('refuses an employer that did not pre-pay 50 % of the stoppage wages (version 1 condition)', () =>
      given([]).when(loanSubmit(loanClaim({ wagesPrepaid: false }))).thenThrows(NotEligible, (error) => expect(error.reasons[0].field).toBe('claim.wagesPrepaid')));

    it.each<[string, Record<string, unknown>, { field: string; message: string }]>([
      ['no workers', { workers: [] }, { field: 'claim.workers', message: 'workers.count' }],
      ['a worker without months', { workers: [{ citizenId: WORKER_A, fullName: 'Hoàng Văn An' }] }, { field: 'claim.workers[0]', message: 'workers.incomplete' }],
      ['one worker twice', { workers: [{ citizenId: WORKER_A, fullName: 'A', months: ['2020-04'] }, { citizenId: WORKER_A, fullName: 'A', months: ['2020-05'] }] }, { field: 'claim.workers', message: 'workers.repeated' }],
      ['a region the programme has no wage for', { region: 'V' }, { field: 'claim.region', message: 'claim.one-of' }],
      ['months that are not the workers’', { months: ['2020-04'] }, { field: 'claim.months', message: 'workers.months-differ' }],
    ])('refuses %s as ClaimInvalid', (_case, overrides, error) =>
      given([]).when(loanSubmit(loanClaim(overrides))).thenThrows(ClaimInvalid, (thrown) => expect(thrown.errors).toContainEqual(expect.objectContaining(error))));

    it('refuses a ward intake officer: the district receives the loan dossier (reason role)', () =>
      given([]).when(loanSubmit(loanClaim(), { by: intakeOfficer })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));
  });

  describe('under NQ 154 (version 2, dossiers received from 19/10/2020)', () => {
    const received = (claim: Record<string, unknown>) => {
      const command = loanSubmit(claim);
      return { ...command, data: { ...command.data, receivedOn: '2020-11-02' }, metadata: { ...command.metadata, now: '2020-11-02T02:00:00.000Z' } };
    };
    const relaxed = (overrides: Record<string, unknown> = {}) => {
      const { wagesPrepaid: _dropped, ...claim } = loanClaim({ revenueDropped: true, workers: [{ citizenId: WORKER_A, fullName: 'Hoàng Văn An', months: ['2020-10', '2020-11', '2020-12'] }] });
      return { ...claim, ...overrides };
    };

    it('lends for wage months up to December 2020 to an employer whose revenue fell by 20 % (self-declared)', () =>
      given([]).when(received(relaxed())).thenMatches([{ data: { programmeVersion: 2, claim: { months: ['2020-10', '2020-11', '2020-12'] }, claimedAmount: 3 * REGION_I_WORKER_MONTH } }]));

    it('refuses an employer whose revenue did not fall (the programme’s condition)', () =>
      given([]).when(received(relaxed({ revenueDropped: false }))).thenThrows(NotEligible, (error) => expect(error.reasons[0].field).toBe('claim.revenueDropped')));

    it('no longer asks for the 50 % wage pre-payment (an unknown field there)', () =>
      given([]).when(received(relaxed({ wagesPrepaid: true }))).thenThrows(ClaimInvalid, (error) => expect(error.errors).toEqual([expect.objectContaining({ field: 'claim.wagesPrepaid', message: 'claim.unknown-field' })])));
  });

  describe('when VBSP approves the loan', () => {
    const confirmed = historyOf([loanSubmit(), loanStep('district-appraisal'), loanStep('provincial-decision')]);

    it('fixes the amount the decider computed', () =>
      given(confirmed).when(loanStep('loan-approval')).thenMatches([{ type: 'SupportApplicationApproved', data: { step: 'loan-approval', approvedAmount: LOAN_AMOUNT } }]));

    it('lends only for the months approved: May alone is two worker-months', () =>
      given(confirmed).when(loanStep('loan-approval', { data: { approvedMonths: ['2020-05'] } })).thenMatches([{ data: { approvedMonths: ['2020-05'], approvedAmount: 2 * REGION_I_WORKER_MONTH } }]));

    it('refuses a district appraiser approving the loan (reason role)', () =>
      given(confirmed).when(loanStep('loan-approval', { by: districtAppraiser })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));
  });

  describe('when VBSP disburses, month by month, to each worker', () => {
    const approved = approvedLoan();

    it('disburses one worker’s month, naming the worker and the month', () =>
      given(approved).when(disburseCommand(WORKER_A, '2020-04')).thenMatches([{
        type: 'SupportApplicationPaid',
        data: { step: 'disbursement', amount: REGION_I_WORKER_MONTH, worker: WORKER_A, month: '2020-04', paidBy: lenderCashier.id },
      }]));

    it('stays approved until every worker-month is disbursed, then is paid', () => {
      const months: [string, string][] = [[WORKER_A, '2020-04'], [WORKER_A, '2020-05'], [WORKER_B, '2020-04'], [WORKER_B, '2020-05']];
      expect(stateAfter([...approved, ...disbursedAfter(approved, months)])).toMatchObject({ status: 'approved', paidAmount: 4 * REGION_I_WORKER_MONTH });
      const all = disbursedAfter(approved, [...months, [WORKER_B, '2020-06']]);
      expect(stateAfter([...approved, ...all])).toMatchObject({ status: 'paid', paidAmount: LOAN_AMOUNT });
    });

    it('refuses the same worker-month twice as InvalidTransition (409)', () =>
      given([...approved, ...disbursedAfter(approved, [[WORKER_A, '2020-04']])]).when(disburseCommand(WORKER_A, '2020-04'))
        .thenThrows(InvalidTransition, (error) => expect(error).toMatchObject({ key: 'disbursement.already-disbursed', params: { worker: WORKER_A, month: '2020-04' } })));

    it('refuses a worker-month again after the whole loan is disbursed, naming it', () => {
      const all = disbursedAfter(approved, [[WORKER_A, '2020-04'], [WORKER_A, '2020-05'], [WORKER_B, '2020-04'], [WORKER_B, '2020-05'], [WORKER_B, '2020-06']]);
      given([...approved, ...all]).when(disburseCommand(WORKER_B, '2020-06')).thenThrows(InvalidTransition, (error) => expect(error.key).toBe('disbursement.already-disbursed'));
    });

    it.each([
      ['more than the share of the regional wage', REGION_I_WORKER_MONTH + 1],
      ['the whole loan at once', LOAN_AMOUNT],
    ])('refuses %s as AmountMismatch, naming what is due', (_case, amount) =>
      given(approved).when(disburseCommand(WORKER_A, '2020-04', amount)).thenThrows(AmountMismatch, (error) => expect(error).toMatchObject({ expected: REGION_I_WORKER_MONTH, given: amount, key: 'amount.disbursement-not-due' })));

    it.each<[string, string | undefined, string | undefined, string]>([
      ['no worker', undefined, '2020-04', 'disbursement.worker-month-required'],
      ['no month', WORKER_A, undefined, 'disbursement.worker-month-required'],
      ['a worker not on the list', '001090000999', '2020-04', 'disbursement.worker-not-listed'],
      ['a month the worker is not listed for', WORKER_A, '2020-06', 'disbursement.month-not-approved'],
    ])('refuses %s as ClaimInvalid', (_case, worker, month, message) =>
      given(approved).when(disburseCommand(worker, month)).thenThrows(ClaimInvalid, (error) => expect(error.errors[0].message).toBe(message)));

    it('refuses a month the lender did not approve', () => {
      const mayOnly = historyOf([loanSubmit(), loanStep('district-appraisal'), loanStep('provincial-decision'), loanStep('loan-approval', { data: { approvedMonths: ['2020-05'] } })]);
      given(mayOnly).when(disburseCommand(WORKER_B, '2020-04')).thenThrows(ClaimInvalid, (error) => expect(error.errors[0].message).toBe('disbursement.month-not-approved'));
    });

    it('refuses a treasurer disbursing a loan (reason role)', () =>
      given(approved).when(disburseCommand(WORKER_A, '2020-04', REGION_I_WORKER_MONTH, { by: treasurer })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('role')));

    it('refuses the officer who approved the loan disbursing it (segregation of duties)', () =>
      given(approved).when(disburseCommand(WORKER_A, '2020-04', REGION_I_WORKER_MONTH, { by: lenderApprover })).thenThrows(NotPermitted, (error) => expect(error.reason).toBe('segregation-of-duties')));

    it('refuses disbursing before VBSP approved the loan', () =>
      given(historyOf([loanSubmit(), loanStep('district-appraisal'), loanStep('provincial-decision')])).when(disburseCommand(WORKER_A, '2020-04'))
        .thenThrows(InvalidTransition, (error) => expect(error.key).toBe('payment.not-approved-awaiting')));
  });

  it('refuses a worker and a month on a grant’s payment (category 4)', () => {
    const history = [...awaiting('4', 'ward-approval'), approvedEvent('ward-approval', { months: ['2020-05'], amount: 1_000_000 }), reviewed('district-appraisal'), decided('provincial-decision')];
    const command = paymentCommand(1_000_000);
    given(history).when({ ...command, data: { ...command.data, worker: WORKER_A, month: '2020-05' } })
      .thenThrows(ClaimInvalid, (error) => expect(error.errors[0].message).toBe('disbursement.not-a-loan'));
  });
});
