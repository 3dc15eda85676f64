import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';
import { nextCitizenId, submissionBody } from './support/http-fixtures';

const fullWidth = (digits: string) => [...digits].map((digit) => String.fromCharCode(0xff10 + Number(digit))).join('');

/** Input is normalised at the API boundary before anything is decided: real dates, real text, one form for numbers. */
describe('Input normalisation at the API boundary', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  const intake = () => `Bearer ${api.token('intake-officer', 'W01', 'officer-lan')}`;
  const submit = (applicant: Record<string, string>) => {
    const body = submissionBody(nextCitizenId('0771'));
    return api.http.post('/applications').set('Authorization', intake()).send({ ...body, applicant: { ...body.applicant, ...applicant } });
  };
  const stored = async (id: string) => (await db.pool.query(`SELECT data->'applicant' AS applicant FROM events WHERE stream_id LIKE '%' || $1 ORDER BY stream_version LIMIT 1`, [id])).rows[0].applicant;

  beforeAll(async () => {
    db = await createTestDatabase('input_normalisation');
    api = await createApiTestApp(db, { RATE_LIMIT: '0' });
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it.each(['2020-02-30', '1980-13-45', '2999-01-01', '1899-12-31', '1981-02-29', '0000-00-00'])('refuses the date of birth %s', async (dateOfBirth) => {
    const response = await submit({ dateOfBirth });
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'validation-failed' });
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'applicant.dateOfBirth' })]));
  });

  it('takes a leap day that exists', async () => {
    expect((await submit({ dateOfBirth: '1984-02-29' })).status).toBe(201);
  });

  it.each([
    ['fullName', '   '],
    ['fullName', '\t\n '],
    ['address', '  '],
    ['address', '\u3000'],
  ])('refuses a %s of whitespace only (%j)', async (field, value) => {
    const response = await submit({ [field]: value });
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'validation-failed' });
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: `applicant.${field}` })]));
  });

  it('trims names and addresses, and stores full-width digits of IDs, phones and bank accounts as ASCII', async () => {
    const citizenId = nextCitizenId('0772');
    const response = await submit({ citizenId: fullWidth(citizenId), fullName: '  Trần Thị Bích  ', address: ' Tổ 4, W01 ', phone: fullWidth('0912345678'), bankAccount: ` ${fullWidth('0071000123456')} ` });
    expect(response.status).toBe(201);
    expect(await stored(response.body.id)).toMatchObject({ citizenId, fullName: 'Trần Thị Bích', address: 'Tổ 4, W01', phone: '0912345678', bankAccount: '0071000123456' });
  });

  it('finds the same person whichever digits were typed: a full-width ID is the same citizen', async () => {
    const citizenId = nextCitizenId('0773');
    expect((await submit({ citizenId })).status).toBe(201);
    const again = await submit({ citizenId: fullWidth(citizenId) });
    expect(again.status).not.toBe(400);
    await api.settle();
    const beneficiary = await api.http.get(`/beneficiaries/${citizenId}`).set('Authorization', `Bearer ${api.token('inspector', null)}`);
    expect(beneficiary.status).toBe(200);
    expect(JSON.stringify(beneficiary.body)).toContain(again.body.id ?? 'refused as a duplicate');
  });
});
