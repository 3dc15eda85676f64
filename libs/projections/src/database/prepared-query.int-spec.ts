import { randomUUID } from 'node:crypto';
import { anApplicant, createTestDatabase, paidInFull, projectionTestBed, submitted, type TestDatabase } from '@lib/testing';
import { ApplicationOverviewRow } from '../application-overview/application-overview.entity';
import { ApplicationOverviewProjection } from '../application-overview/application-overview.projection';
import { preparedRowByKey } from './prepared-query';

/** The prepared read by key must hand back exactly what TypeORM's findOneBy does: same class, same types, transformers applied. */
describe('preparedRowByKey', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('prepared_row_by_key');
  });
  afterAll(() => db.drop());

  it('returns the overview row findOneBy returns, and null for an application it has not seen', async () => {
    const bed = projectionTestBed(db, [new ApplicationOverviewProjection()]);
    const ids = [randomUUID(), randomUUID()];
    await bed.append(`support-application-${ids[0]}`, [{ type: 'SupportApplicationSubmitted', data: { ...submitted('7').data, applicationId: ids[0], applicant: anApplicant({ ward: 'W01' }) } }]);
    await bed.append(`support-application-${ids[1]}`, [{ type: 'SupportApplicationSubmitted', data: { ...submitted('1').data, applicationId: ids[1], applicant: anApplicant({ ward: 'W02' }) } }, ...paidInFull('1').slice(1)]);
    await bed.project();
    for (const applicationId of ids) {
      const expected = await db.dataSource.getRepository(ApplicationOverviewRow).findOneBy({ applicationId });
      const row = await preparedRowByKey(db.dataSource, ApplicationOverviewRow, applicationId);
      expect(expected).not.toBeNull();
      expect(row).toBeInstanceOf(ApplicationOverviewRow);
      expect(row).toStrictEqual(expected);
      expect(typeof row!.paidAmount).toBe('number');
      expect(row!.submittedAt).toBeInstanceOf(Date);
    }
    // Asked again on the same connections: the statement is prepared once and answers the same.
    for (let i = 0; i < 8; i += 1) expect(await preparedRowByKey(db.dataSource, ApplicationOverviewRow, ids[i % 2])).toMatchObject({ applicationId: ids[i % 2] });
    expect(await preparedRowByKey(db.dataSource, ApplicationOverviewRow, randomUUID())).toBeNull();
  });
});
