import { asStored, paid, paidInFull, reviewed, submitted, withdrawn } from '@lib/testing';
import { officerActionOf, sumActions } from './officer-activity.evolve';

const VIETNAM = 420;

describe('Officer activity', () => {
  it('takes the officer, local day and step from the event, not from the append metadata', () =>
    expect(officerActionOf(asStored([reviewed('village-review', { at: '2020-05-18T18:30:00.000Z' })])[0], VIETNAM)).toEqual({
      officerId: 'reviewer-hoa', day: '2020-05-19', step: 'village-review', action: 'reviewed', amount: 0,
    }));

  it('records the amount a treasurer paid', () =>
    expect(officerActionOf(asStored([paid(2_000_000)])[0], VIETNAM)).toMatchObject({ officerId: 'treasurer-mai', step: 'payment', action: 'paid', amount: 2_000_000 }));

  it('counts an intake and a withdrawal under their own names', () => {
    const [intake, withdrawal] = asStored([submitted('4'), withdrawn('moved away')]);
    expect([officerActionOf(intake, VIETNAM)?.step, officerActionOf(withdrawal, VIETNAM)?.step]).toEqual(['intake', 'withdrawal']);
  });

  it('ignores events no officer performs', () => expect(officerActionOf({ type: 'BeneficiarySupportGranted', data: {} }, VIETNAM)).toBeNull());

  it('sums one batch per officer, day, step and action', () => {
    const actions = [...asStored(paidInFull('4')), ...asStored(paidInFull('4'))].map((event) => officerActionOf(event, VIETNAM)!);
    const sums = sumActions(actions);
    expect(sums).toHaveLength(7);
    expect(sums.find((sum) => sum.action === 'paid')).toMatchObject({ officerId: 'treasurer-mai', count: 2, amount: 4_000_000 });
  });
});
