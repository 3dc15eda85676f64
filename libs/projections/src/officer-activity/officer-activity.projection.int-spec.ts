import { createTestDatabase, paidInFull, projectionTestBed, type ProjectionTestBed, type TestDatabase } from '@lib/testing';
import { OfficerActivityProjection } from './officer-activity.projection';
import { GetOfficerActivityHandler } from './queries/get-officer-activity.query-handler';
import { GetOfficerActivityQuery } from './queries/get-officer-activity.query';

describe('OfficerActivityProjection on PostgreSQL', () => {
  let db: TestDatabase;
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    db = await createTestDatabase('officer_activity');
    bed = projectionTestBed(db, [new OfficerActivityProjection()]);
  });
  afterAll(() => db.drop());

  it('counts each officer\'s steps per day', async () => {
    for (const applicationId of ['7b000000-0000-4000-8000-000000000001', '7b000000-0000-4000-8000-000000000002']) {
      await bed.append(`support-application-${applicationId}`, paidInFull('4').map((event) => ({ ...event, data: { ...event.data, applicationId } })));
    }
    await bed.project();
    const handler = new GetOfficerActivityHandler(db.dataSource);
    expect(await handler.execute(new GetOfficerActivityQuery('treasurer-mai', '2020-05-01', '2020-05-31'))).toEqual([
      { officerId: 'treasurer-mai', day: '2020-05-29', step: 'payment', action: 'paid', count: 2, amount: 4_000_000 },
    ]);
    expect(await handler.execute(new GetOfficerActivityQuery('intake-lan', '2020-05-18', '2020-05-21'))).toEqual([
      { officerId: 'intake-lan', day: '2020-05-18', step: 'intake', action: 'submitted', count: 2, amount: 0 },
      { officerId: 'intake-lan', day: '2020-05-21', step: 'public-posting', action: 'posted', count: 2, amount: 0 },
    ]);
    expect(await handler.execute(new GetOfficerActivityQuery('treasurer-mai', '2020-06-01', '2020-06-30'))).toEqual([]);
  });
});
