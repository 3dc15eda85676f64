import { anApplicant, approved, asStored, awaiting, paid, paidInFull, recovered, recoveryOrdered, rejected, submitted, CLAIMED_AMOUNTS } from '@lib/testing';
import type { BeneficiaryApplicationRow } from './beneficiary-index.entity';
import { evolveBeneficiaryApplication } from './beneficiary-index.evolve';

const fold = (events: ReturnType<typeof asStored>): BeneficiaryApplicationRow | null => events.reduce<BeneficiaryApplicationRow | null>(evolveBeneficiaryApplication, null);

describe('Beneficiary index: one application of a person', () => {
  describe('when submitted', () => {
    it('is keyed by the trimmed citizen ID, with nothing approved or paid', () =>
      expect(fold(asStored([submitted('4', { applicant: anApplicant({ citizenId: ' 001080012345 ' }) })]))).toMatchObject({
        citizenId: '001080012345', fullName: 'Nguyễn Thị Hạnh', category: '4', ward: 'W01', status: 'submitted', approvedAmount: 0, paidAmount: 0, payments: [],
      }));

    it('folds a legacy ID typed with full-width digits and spaces into the same key (NFKC)', () =>
      expect(fold(asStored([submitted('4', { applicant: anApplicant({ citizenId: '００１ ０８０ ０１２ ３４５' }) })]))?.citizenId).toBe('001080012345'));
  });

  describe('when paid in full', () => {
    it('holds the approved and paid amounts and the payment with its position', () => {
      const events = asStored(paidInFull('7'));
      expect(fold(events)).toMatchObject({
        status: 'paid', approvedAmount: CLAIMED_AMOUNTS['7'], paidAmount: CLAIMED_AMOUNTS['7'],
        payments: [{ amount: CLAIMED_AMOUNTS['7'], method: 'post-office', position: events[events.length - 1].position }],
      });
    });
  });

  describe('when recovery is ordered and partly recovered', () => {
    it('holds both amounts', () =>
      expect(fold(asStored([...paidInFull('4'), recoveryOrdered(2_000_000), recovered(500_000)]))).toMatchObject({
        status: 'recovery-ordered', paidAmount: 2_000_000, recoveryOrderedAmount: 2_000_000, recoveredAmount: 500_000,
      }));
  });

  describe('when rejected after approval', () => {
    it('is rejected, keeping the amount it had been approved', () =>
      expect(fold(asStored([...awaiting('4', 'district-appraisal'), rejected('district-appraisal', 'not on the list')]))).toMatchObject({
        status: 'rejected', approvedAmount: 2_000_000,
      }));
  });

  describe('when an event is replayed', () => {
    it('counts it once', () => {
      const events = asStored([...awaiting('4', 'payment'), paid(2_000_000)]);
      expect(fold([...events, events[events.length - 1]])?.paidAmount).toBe(2_000_000);
    });
  });

  it('ignores events before the submission', () => expect(fold(asStored([approved('ward-approval', { months: ['2020-04'], amount: 1 })]))).toBeNull());
});
