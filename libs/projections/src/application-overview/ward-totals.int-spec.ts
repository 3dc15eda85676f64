import { randomUUID } from 'node:crypto';
import { anApplicant, createTestDatabase, paidInFull, projectionTestBed, rejected, submitted, type CategoryCode, type TestDatabase } from '@lib/testing';
import { GetWardDashboardHandler } from '../ward-dashboard/queries/get-ward-dashboard.query-handler';
import { GetWardDashboardQuery } from '../ward-dashboard/queries/get-ward-dashboard.query';
import { ApplicationOverviewProjection } from './application-overview.projection';

const SUMMED = `SELECT ward, category, status, count(*)::int AS applications, sum(claimed_amount)::text AS claimed, sum(approved_amount)::text AS approved,
                      sum(paid_amount)::text AS paid, sum(recovery_ordered_amount)::text AS ordered, sum(recovered_amount)::text AS recovered
                 FROM application_overview GROUP BY ward, category, status ORDER BY ward, category, status`;
const KEPT = `SELECT ward, category, status, applications, claimed_amount::text AS claimed, approved_amount::text AS approved,
                     paid_amount::text AS paid, recovery_ordered_amount::text AS ordered, recovered_amount::text AS recovered
                FROM ward_totals ORDER BY ward, category, status`;

/**
 * The dashboard's totals are kept by deltas, batch by batch (the test bed's batches are of 7
 * events): applications move from status to status, and a status a ward no longer has in a
 * category leaves no row behind. The totals must be the overview's rows summed, at every step.
 */
describe('ward_totals, kept in step with application_overview', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('ward_totals');
  });
  afterAll(() => db.drop());

  it('equals the overview summed by ward, category and status after every stage, with no empty rows', async () => {
    const bed = projectionTestBed(db, [new ApplicationOverviewProjection()]);
    const file = async (ward: string, category: CategoryCode) => {
      const id = randomUUID();
      const stream = `support-application-${id}`;
      await bed.append(stream, [{ type: 'SupportApplicationSubmitted', data: { ...submitted(category).data, applicationId: id, applicant: anApplicant({ ward }) } }]);
      return { id, stream, category };
    };
    const filed = [await file('W01', '7'), await file('W01', '7'), await file('W02', '7'), await file('W01', '1'), await file('W02', '1')];
    await bed.project();
    expect(await db.dataSource.query(KEPT)).toEqual(await db.dataSource.query(SUMMED));
    expect(await db.dataSource.query(KEPT)).toHaveLength(4);

    // Every W01 category-7 application paid, one W02 application refused: W01's submitted row for category 7 goes.
    for (const { id, stream, category } of filed.filter((_one, i) => i < 2)) {
      await bed.append(stream, paidInFull(category).slice(1).map((event) => ({ type: event.type, data: { ...event.data, applicationId: id } })));
    }
    await bed.append(filed[4].stream, [{ type: 'SupportApplicationRejected', data: { ...rejected('village-review', 'Không đúng đối tượng').data, applicationId: filed[4].id } }]);
    await bed.project();
    const kept = await db.dataSource.query(KEPT);
    expect(kept).toEqual(await db.dataSource.query(SUMMED));
    expect(kept.every((row: { applications: number }) => row.applications > 0)).toBe(true);
    expect(kept.filter((row: { ward: string; category: string }) => row.ward === 'W01' && row.category === '7')).toEqual([
      expect.objectContaining({ status: 'paid', applications: 2 }),
    ]);

    const dashboard = await new GetWardDashboardHandler(db.dataSource).execute(new GetWardDashboardQuery('W02'));
    expect(dashboard.map(({ category, status, applications }) => `${category} ${status} ${applications}`)).toEqual(['1 rejected 1', '7 submitted 1']);
  });
});
