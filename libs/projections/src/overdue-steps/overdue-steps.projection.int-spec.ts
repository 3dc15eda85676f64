import { createTestDatabase, paidInFull, projectionTestBed, reviewed, shippedCatalog, submitted, type ProjectionTestBed, type TestDatabase } from '@lib/testing';
import { OverdueStepsProjection } from './overdue-steps.projection';
import { CountOverdueStepsHandler, ListOverdueStepsHandler } from './queries/list-overdue-steps.query-handler';
import { CountOverdueStepsQuery, ListOverdueStepsQuery } from './queries/list-overdue-steps.query';

const id = (n: number) => `7c000000-0000-4000-8000-00000000000${n}`;

describe('OverdueStepsProjection on PostgreSQL', () => {
  let db: TestDatabase;
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    db = await createTestDatabase('overdue_steps');
    bed = projectionTestBed(db, [new OverdueStepsProjection(shippedCatalog())]);
    // 1: submitted 23/4, village review due 4/5 (holidays 30/4, 1/5). 2: reviewed, awaits posting (due 4/5 from intake).
    await bed.append(`support-application-${id(1)}`, [submitted('4', { applicationId: id(1), at: '2020-04-23T02:00:00.000Z' })]);
    await bed.append(`support-application-${id(2)}`, [
      submitted('4', { applicationId: id(2), at: '2020-04-23T02:00:00.000Z' }),
      reviewed('village-review', { applicationId: id(2), at: '2020-04-24T02:00:00.000Z' }),
    ]);
    // 3: paid, closed; 4: category 3, awaits a step with no limit.
    await bed.append(`support-application-${id(3)}`, paidInFull('4').map((event) => ({ ...event, data: { ...event.data, applicationId: id(3) } })));
    await bed.append(`support-application-${id(4)}`, [submitted('3', { applicationId: id(4), at: '2020-04-01T02:00:00.000Z' })]);
    await bed.project();
  });
  afterAll(() => db.drop());

  const list = (asOf: string, limit = 10, cursor?: string) => new ListOverdueStepsHandler(db.dataSource).execute(new ListOverdueStepsQuery(asOf, {}, limit, cursor));

  it('lists nothing on the due date itself', async () => expect((await list('2020-05-04')).items).toEqual([]));

  it('lists both open applications the day after, oldest due first, in pages', async () => {
    const first = await list('2020-05-05', 1);
    expect(first.items.map((row) => [row.applicationId, row.currentStep, row.dueOn])).toEqual([[id(1), 'village-review', '2020-05-04']]);
    const second = await list('2020-05-05', 1, first.nextCursor!);
    expect(second.items.map((row) => [row.applicationId, row.currentStep])).toEqual([[id(2), 'public-posting']]);
    expect(second.nextCursor).toBeNull();
  });

  it('counts them per awaited step for the ward dashboard', async () =>
    expect(await new CountOverdueStepsHandler(db.dataSource).execute(new CountOverdueStepsQuery('W01', '2020-06-30'))).toEqual({ 'public-posting': 1, 'village-review': 1 }));
});
