import { asStored, awaiting, paid, posted, reviewed, shippedCatalog, submitted } from '@lib/testing';
import type { OverdueStepRow } from './overdue-steps.entity';
import { evolveOverdueStep } from './overdue-steps.evolve';

const catalog = shippedCatalog();
const fold = (events: ReturnType<typeof asStored>): OverdueStepRow | null =>
  events.reduce<OverdueStepRow | null>((row, event) => evolveOverdueStep(row, event, catalog), null);

describe('Overdue steps', () => {
  describe('when a category 4 application is submitted on Thursday 2020-04-23', () => {
    const intake = submitted('4', { at: '2020-04-23T02:00:00.000Z' });

    it('awaits village review within 5 working days, skipping the 30/4 and 1/5 holidays', () =>
      expect(fold(asStored([intake]))).toMatchObject({ currentStep: 'village-review', countedFrom: '2020-04-23', timeLimitWorkingDays: 5, dueOn: '2020-05-04' }));

    it('counts from the day the ward received the dossier, when it was received before it was entered', () =>
      expect(fold(asStored([submitted('4', { at: '2020-04-23T02:00:00.000Z', receivedOn: '2020-04-20' })]))).toMatchObject({ countedFrom: '2020-04-20', dueOn: '2020-04-27' }));

    it('counts the ward approval from intake (countFrom), not from the posting', () =>
      expect(fold(asStored([intake, reviewed('village-review', { at: '2020-04-24T02:00:00.000Z' }), posted('public-posting', { at: '2020-04-29T02:00:00.000Z', postedFrom: '2020-04-27', postedUntil: '2020-04-28' })])))
        .toMatchObject({ currentStep: 'ward-approval', countedFrom: '2020-04-23', dueOn: '2020-05-04' }));
  });

  describe('when the awaited step has no limit in law', () => {
    it('has no due date (category 3 village review)', () =>
      expect(fold(asStored([submitted('3')]))).toMatchObject({ currentStep: 'village-review', timeLimitWorkingDays: null, dueOn: null }));
  });

  describe('when the application is paid', () => {
    it('is no longer tracked', () => expect(fold(asStored([...awaiting('4', 'payment'), paid(2_000_000)]))).toBeNull());
  });

  describe('when a step event is replayed', () => {
    it('advances once', () => {
      const events = asStored(awaiting('4', 'public-posting'));
      expect(fold([...events, events[1]])?.currentStep).toBe('public-posting');
    });
  });
});
