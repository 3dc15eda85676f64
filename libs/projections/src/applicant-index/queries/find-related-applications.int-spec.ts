import { randomUUID } from 'node:crypto';
import { identityKeyOf } from '@lib/domain';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { FindRelatedApplicationsHandler } from './find-related-applications.query-handler';
import { FindRelatedApplicationsQuery } from './find-related-applications.query';

const PROGRAMME = 'nq42-2020';
const APPLICANT = { citizenId: '020085001234', fullName: 'Trần Thị Mai', dateOfBirth: '1985-03-08' };

interface Filed {
  id: string;
  programme: string;
  citizenId: string;
  identityKey: string | null;
  submittedAt: string;
  /** false: in the applicant index, not yet in the overview (another projection, behind). */
  overview: boolean;
}

/**
 * The handler's answer against the rule it implements, worked out here: the first twenty by
 * filing (then id) of the programme's other applications under the citizen ID or the name and
 * birthday, among those the overview holds. Many more than twenty under each, filed in an order
 * that interleaves the two, with ties on the filing time.
 */
describe('FindRelatedApplicationsHandler', () => {
  let db: TestDatabase;
  const filed: Filed[] = [];
  const self = randomUUID();
  const identityKey = identityKeyOf(APPLICANT)!;

  const file = async (one: Filed) => {
    filed.push(one);
    await db.pool.query(
      `INSERT INTO applicant_index (application_id, programme_id, ward, citizen_id, name_key, identity_key, submitted_at) VALUES ($1, $2, 'W01', $3, 'tranthimai', $4, $5)`,
      [one.id, one.programme, one.citizenId, one.identityKey, one.submittedAt],
    );
    if (!one.overview) return;
    await db.pool.query(
      `INSERT INTO application_overview (application_id, programme_id, programme_version, category, ward, status, version, applicant, claim, steps, next_step, performed_by,
                                         claimed_amount, approved_amount, paid_amount, recovery_ordered_amount, recovered_amount, last_step_at, submitted_at, updated_at, last_position)
       VALUES ($1, $2, 1, '4', 'W01', 'submitted', 1, $3, '{}', '[]', 0, '{}', 0, 0, 0, 0, 0, $4, $4, $4, 1)`,
      [one.id, one.programme, JSON.stringify({ ...APPLICANT, citizenId: one.citizenId }), one.submittedAt],
    );
  };

  beforeAll(async () => {
    db = await createTestDatabase('related_applications');
    // Two filings a minute apart share each minute: ties broken by the application id.
    const at = (i: number) => new Date(Date.UTC(2020, 4, 1, 8, Math.floor(i / 2))).toISOString();
    for (let i = 0; i < 90; i += 1) {
      const sameId = i % 3 === 0;
      await file({
        id: randomUUID(),
        programme: i % 11 === 5 ? 'other-programme' : PROGRAMME,
        citizenId: sameId ? APPLICANT.citizenId : `02008500${String(i).padStart(4, '0')}`,
        // Some under the same ID were filed under another name: related by the ID alone.
        identityKey: sameId && i % 2 === 0 ? 'lethihoa|1990-01-01' : identityKey,
        submittedAt: at(i),
        overview: i % 7 !== 2,
      });
    }
    await file({ id: self, programme: PROGRAMME, citizenId: APPLICANT.citizenId, identityKey, submittedAt: at(7), overview: true });
    // Unrelated: another person altogether.
    await file({ id: randomUUID(), programme: PROGRAMME, citizenId: '020099009999', identityKey: 'phamvanan|1970-02-02', submittedAt: at(0), overview: true });
  });
  afterAll(() => db.drop());

  const expected = (citizenId: string, key: string | null) =>
    filed
      .filter((one) => one.id !== self && one.programme === PROGRAMME && one.overview && (one.citizenId === citizenId || (key !== null && one.identityKey === key)))
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id))
      .slice(0, 20)
      .map((one) => ({ applicationId: one.id, relation: one.citizenId === citizenId ? 'same-id' : 'same-name-and-birth' }));

  it('answers the first twenty of both relations by filing, leaving out other programmes, the application itself and what the overview lacks', async () => {
    const related = await new FindRelatedApplicationsHandler(db.dataSource).execute(new FindRelatedApplicationsQuery(self, PROGRAMME, APPLICANT));
    const want = expected(APPLICANT.citizenId, identityKey);
    expect(want.filter((one) => one.relation === 'same-id').length).toBeGreaterThan(3);
    expect(want.filter((one) => one.relation === 'same-name-and-birth').length).toBeGreaterThan(3);
    expect(related.map(({ applicationId, relation }) => ({ applicationId, relation }))).toEqual(want);
    expect(related[0]).toMatchObject({ programmeId: PROGRAMME, category: '4', ward: 'W01', status: 'submitted', applicant: { fullName: APPLICANT.fullName } });
  });

  it('by the citizen ID alone when the name and birthday match no one, and nothing for a stranger', async () => {
    const other = { ...APPLICANT, fullName: 'Đỗ Văn Khoa' };
    const related = await new FindRelatedApplicationsHandler(db.dataSource).execute(new FindRelatedApplicationsQuery(self, PROGRAMME, other));
    expect(related.map(({ applicationId, relation }) => ({ applicationId, relation }))).toEqual(expected(APPLICANT.citizenId, identityKeyOf(other)));
    expect(related.every((one) => one.relation === 'same-id')).toBe(true);
    const stranger = { citizenId: '079200000001', fullName: 'Đỗ Văn Khoa', dateOfBirth: '2001-01-01' };
    expect(await new FindRelatedApplicationsHandler(db.dataSource).execute(new FindRelatedApplicationsQuery(self, PROGRAMME, stranger))).toEqual([]);
  });
});
