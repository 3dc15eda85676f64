import { randomUUID } from 'node:crypto';
import { anApplicant, createTestDatabase, projectionTestBed, submitted, type TestDatabase } from '@lib/testing';
import { ApplicationOverviewProjection } from '../application-overview.projection';
import { GetApplicationOverviewHandler } from './get-application-overview.query-handler';
import { GetApplicationOverviewQuery } from './get-application-overview.query';

/** Not yet projected, an application is folded from its log: from the events the caller read, or from one read of its own. */
describe('GetApplicationOverviewHandler before the projector reaches an application', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('overview_unprojected');
  });
  afterAll(() => db.drop());

  it('folds the events it is given without reading the stream again, to the row it would read and fold itself', async () => {
    const bed = projectionTestBed(db, [new ApplicationOverviewProjection()]);
    const applicationId = randomUUID();
    const streamId = `support-application-${applicationId}`;
    await bed.append(streamId, [{ type: 'SupportApplicationSubmitted', data: { ...submitted('7').data, applicationId, applicant: anApplicant({ ward: 'W03' }) } }]);
    const reads = jest.spyOn(bed.store, 'readStream');
    const handler = new GetApplicationOverviewHandler(db.dataSource, bed.store);

    const readItself = await handler.execute(new GetApplicationOverviewQuery(applicationId));
    expect(reads).toHaveBeenCalledTimes(1);
    const events = await bed.store.readStream(streamId);
    reads.mockClear();
    const folded = await handler.execute(new GetApplicationOverviewQuery(applicationId, events));
    expect(reads).not.toHaveBeenCalled();
    expect(folded).toStrictEqual(readItself);
    expect(folded).toMatchObject({ applicationId, ward: 'W03', status: 'submitted', version: 1 });

    // Once projected, the row answers and the events given are not used.
    await bed.project();
    const projected = await handler.execute(new GetApplicationOverviewQuery(applicationId, []));
    expect(projected).toMatchObject({ applicationId, ward: 'W03', status: 'submitted' });
    expect(reads).not.toHaveBeenCalled();
  });
});
