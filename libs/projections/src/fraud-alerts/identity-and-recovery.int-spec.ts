import { randomUUID } from 'node:crypto';
import type { Applicant, SupportApplicationEvent } from '@lib/domain';
import { catalogOf } from '@lib/domain';
import {
  anApplicant, createTestDatabase, inspector, paidInFull, projectionTestBed, recovered, recoveryOrdered, rejected, shippedProgrammes, submitted,
  type ProjectionTestBed, type TestDatabase,
} from '@lib/testing';
import { IDENTITY_FACT_FIELDS } from './detectors/identity-detector';
import { FraudAlertsProjection } from './fraud-alerts.projection';
import { ListFraudAlertsHandler } from './queries/list-fraud-alerts.query-handler';
import { ListFraudAlertsQuery } from './queries/list-fraud-alerts.query';

let serial = 0;
const person = (overrides: Partial<Applicant> = {}): Applicant => {
  serial += 1;
  const n = String(serial).padStart(6, '0');
  return anApplicant({ citizenId: `020191${n}`, fullName: `Trần Văn Số${serial}`, phone: `0982${n}`, address: `Số ${serial} Lý Thường Kiệt`, ...overrides });
};

describe('FraudAlertsProjection on PostgreSQL: issue 12 items 7 and 8', () => {
  let db: TestDatabase;
  let bed: ProjectionTestBed;

  const importApp = async (events: SupportApplicationEvent[], applicant: Applicant = person(), applicationId = randomUUID()): Promise<string> => {
    await bed.append(`support-application-${applicationId}`, events.map((event) => ({ type: event.type, data: { ...event.data, applicationId, ...('applicant' in event.data ? { applicant } : {}) } })));
    return applicationId;
  };
  const alerts = async (filter = {}) => (await new ListFraudAlertsHandler(db.dataSource).execute(new ListFraudAlertsQuery(filter, 200))).items;

  beforeAll(async () => {
    db = await createTestDatabase('fraud_identity');
    bed = projectionTestBed(db, [new FraudAlertsProjection(catalogOf(shippedProgrammes()))]);
  });
  afterAll(() => db.drop());

  it('F15 is cleared when what was paid is recovered, not when it is merely ordered back', async () => {
    const id = randomUUID();
    await importApp([...paidInFull('4'), rejected('payment', 'not eligible after re-review', { by: inspector })], person(), id);
    await bed.project();
    const [raised] = await alerts({ rule: 'F15' });
    expect(raised).toMatchObject({ status: 'open', applicationIds: [id] });
    await bed.append(`support-application-${id}`, [recoveryOrdered(2_000_000, { applicationId: id })]);
    await bed.project();
    expect((await alerts({ rule: 'F15' }))[0]).toMatchObject({ id: raised.id, status: 'open' });
    await bed.append(`support-application-${id}`, [recovered(2_000_000, { applicationId: id })]);
    await bed.project();
    expect((await alerts({ rule: 'F15' }))[0]).toMatchObject({ id: raised.id, status: 'cleared' });
    expect(await alerts({ rule: 'F15', status: 'open' })).toEqual([]);
  });

  it('F20: one person under a CMND and a CCCD (one name without diacritics, date of birth and address), with the pair and its score', async () => {
    const nam = { fullName: 'Hoàng Văn Nam', dateOfBirth: '1982-09-12', address: 'Số 12 Lê Lợi', ward: 'W01' };
    const first = await importApp(paidInFull('4'), person({ ...nam, citizenId: '082123456' }));
    const second = await importApp([submitted('7')], person({ ...nam, fullName: 'HOANG VAN NAM', citizenId: '020082001234' }));
    const namesake = await importApp([submitted('4')], person({ ...nam, citizenId: '020082009999', address: 'Thôn 2, xã Mai Pha' }));
    await bed.project();
    const [alert] = await alerts({ rule: 'F20' });
    expect(alert).toMatchObject({ rule: 'F20', status: 'open', severity: 'medium', applicationIds: [first, second].sort(), wards: ['W01'] });
    expect(alert.applicationIds).not.toContain(namesake);
    expect(alert.details).toEqual({
      kind: 'probable-same-person', minScore: 70,
      pairs: [{ applicationIds: [first, second], citizenIds: ['082123456', '020082001234'], documentKinds: ['cmnd', 'cccd'], matched: ['name', 'dateOfBirth', 'address', 'documentKinds'], score: 90 }],
      pairsTotal: 1,
    });
    const { rows } = await db.pool.query(`SELECT application_id, identity, facts FROM fraud_case_facts WHERE application_id = ANY($1::uuid[])`, [[first, second, namesake]]);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.identity).toEqual(Object.fromEntries(IDENTITY_FACT_FIELDS.map((field) => [field, row.facts[field]])));
  });

  it('F13: full-width digits do not hide a shared phone', async () => {
    const ids = [
      await importApp([submitted('4')], person({ phone: '0915 111 222' })),
      await importApp([submitted('4')], person({ phone: '０９１５１１１２２２' })),
      await importApp([submitted('4')], person({ phone: '+84915111222' })),
      await importApp([submitted('4')], person({ phone: '０９１５-１１１-２２２' })),
    ];
    await bed.project();
    expect(await alerts({ rule: 'F13' })).toEqual([expect.objectContaining({ subject: 'phone:0915111222', applicationIds: ids.sort() })]);
  });

  it('F13: eight households of one village (no house number) are no cluster', async () => {
    for (let i = 0; i < 8; i++) await importApp([submitted('4')], person({ address: 'Thôn 3, xã Tân Lập' }));
    await bed.project();
    expect((await alerts({ rule: 'F13' })).filter((alert) => alert.subject.startsWith('address:'))).toEqual([]);
  });
});
