import { anApplicant, createTestDatabase, paidInFull, projectionTestBed, recoveryOrdered, submitted, awaiting, rejected, type ProjectionTestBed, type TestDatabase } from '@lib/testing';
import { BeneficiaryIndexProjection } from './beneficiary-index.projection';
import { GetBeneficiaryHandler } from './queries/get-beneficiary.query-handler';
import { GetBeneficiaryQuery } from './queries/get-beneficiary.query';

const CITIZEN = '020180001111';
const A = '7a000000-0000-4000-8000-000000000001';
const B = '7a000000-0000-4000-8000-000000000002';
const C = '7a000000-0000-4000-8000-000000000003';

const withId = <T extends { data: object }>(events: T[], applicationId: string, ward = 'W01'): T[] =>
  events.map((event) => ({
    ...event,
    data: { ...event.data, applicationId, ...('applicant' in event.data ? { applicant: anApplicant({ citizenId: CITIZEN, ward }) } : {}) },
  }));

describe('BeneficiaryIndexProjection on PostgreSQL', () => {
  let db: TestDatabase;
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    db = await createTestDatabase('beneficiary_index');
    bed = projectionTestBed(db, [new BeneficiaryIndexProjection()]);
  });
  afterAll(() => db.drop());

  it('shows a person across wards and categories, with what was approved, paid and ordered back', async () => {
    await bed.append(`support-application-${A}`, withId(paidInFull('7'), A, 'W01'));
    await bed.append(`support-application-${B}`, withId([...paidInFull('4')], B, 'W02'));
    await bed.append(`support-application-${B}`, [recoveryOrdered(2_000_000, { applicationId: B })]);
    await bed.append(`support-application-${C}`, withId([...awaiting('3', 'district-appraisal'), rejected('district-appraisal', 'income above the line')], C, 'W02'));
    await bed.project();

    const person = await new GetBeneficiaryHandler(db.dataSource).execute(new GetBeneficiaryQuery(CITIZEN));
    expect(person?.summary).toMatchObject({
      citizenId: CITIZEN, wards: ['W01', 'W02'], categories: ['3', '4', '7'], programmes: ['nq42-2020'], applications: 3,
      approvedAmount: 6_750_000 + 2_000_000, paidAmount: 6_750_000 + 2_000_000, recoveryOrderedAmount: 2_000_000, recoveredAmount: 0,
    });
    expect(person?.applications.map((row) => [row.applicationId, row.status, row.payments.length])).toEqual(
      expect.arrayContaining([[A, 'paid', 1], [B, 'recovery-ordered', 1], [C, 'rejected', 0]]),
    );
  });

  it('knows nobody it has not seen', async () =>
    expect(await new GetBeneficiaryHandler(db.dataSource).execute(new GetBeneficiaryQuery('999999999999'))).toBeNull());

  it('keeps a resubmitted event from counting twice', async () => {
    const other = '7a000000-0000-4000-8000-000000000004';
    await bed.append(`support-application-${other}`, [submitted('5', { applicationId: other, applicant: anApplicant({ citizenId: '020180002222' }) })]);
    await bed.project();
    await bed.project();
    const person = await new GetBeneficiaryHandler(db.dataSource).execute(new GetBeneficiaryQuery('020180002222'));
    expect(person?.summary.applications).toBe(1);
  });
});
