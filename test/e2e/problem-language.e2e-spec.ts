import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

const applicant = (citizenId: string) => ({ citizenId, fullName: 'Trần Thị Bình', dateOfBirth: '1975-07-15', ward: 'W01', address: 'Tổ 5, W01' });
const informalClaim = { months: ['2020-04', '2020-05'], occupation: 'motorbike-taxi', jobLostOn: '2020-04-01', monthlyIncome: 0 };

/** Refusals in the officer's language: problem+json follows Accept-Language, Vietnamese unless English is preferred. */
describe('problem+json in Vietnamese and English (Accept-Language)', () => {
  let db: TestDatabase;
  let api: ApiTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('e2e_problem_language');
    api = await createApiTestApp(db);
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const as = (role: Parameters<ApiTestApp['token']>[0], ward: string | null = 'W01', sub?: string) => ({ Authorization: `Bearer ${api.token(role, ward, sub)}` });
  const submit = (body: object, language?: string) => {
    const request = api.http.post('/applications').set(as('intake-officer'));
    return (language ? request.set('Accept-Language', language) : request).send(body);
  };
  const fieldMessage = (body: { errors?: { field: string; message: string }[] }, field: string) => body.errors?.find((error) => error.field === field)?.message;

  it('words request validation per field: Vietnamese by default, English when asked, the same fields and code', async () => {
    const bad = { programme: 'nq42-2020', category: '4', applicant: { ...applicant('12345'), fullName: '' }, claim: informalClaim };
    const vi = await submit(bad);
    const en = await submit(bad, 'en-GB,en;q=0.9');
    for (const response of [vi, en]) {
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers.vary).toContain('Accept-Language');
    }
    expect(vi.headers['content-language']).toBe('vi');
    expect(en.headers['content-language']).toBe('en');
    expect(vi.body).toMatchObject({ code: 'validation-failed', title: 'Yêu cầu không hợp lệ' });
    expect(en.body).toMatchObject({ code: 'validation-failed', title: 'The request is not valid' });
    expect(fieldMessage(vi.body, 'applicant.citizenId')).toBe('phải là số CMND (9 chữ số) hoặc CCCD (12 chữ số)');
    expect(fieldMessage(en.body, 'applicant.citizenId')).toBe('must be a CMND (9 digits) or CCCD (12 digits)');
    expect(fieldMessage(vi.body, 'applicant.fullName')).toBe('không được để trống');
    expect(fieldMessage(en.body, 'applicant.fullName')).toBe('is required');
    expect(vi.body.errors.map((error: { field: string }) => error.field)).toEqual(en.body.errors.map((error: { field: string }) => error.field));
    expect(vi.body.detail).toContain('applicant.citizenId: phải là số CMND');
  });

  it('words an unknown field and a malformed body too', async () => {
    const unknown = await submit({ programme: 'nq42-2020', category: '4', applicant: applicant('001080000201'), claim: informalClaim, bonus: 1 });
    expect(unknown.status).toBe(400);
    expect(fieldMessage(unknown.body, 'bonus')).toBe('không phải là trường của yêu cầu này');
    const broken = await api.http.post('/applications').set(as('intake-officer')).set('Content-Type', 'application/json').set('Accept-Language', 'en').send('{"programme":');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ code: 'validation-failed', title: 'The request is not valid', detail: 'the body is not valid JSON' });
  });

  it('words the domain’s field refusals and the programme’s own conditions, months as mm/yyyy and dates as dd/mm/yyyy', async () => {
    const claim = { ...informalClaim, months: ['2020-04', '2020-07'], jobLostOn: '2020-08-01' };
    const vi = await submit({ programme: 'nq42-2020', category: '4', applicant: applicant('001080000202'), claim });
    const en = await submit({ programme: 'nq42-2020', category: '4', applicant: applicant('001080000202'), claim }, 'en');
    expect(vi.status).toBe(422);
    expect(vi.body.title).toBe('Hồ sơ không đáp ứng điều kiện của chương trình');
    expect(en.body.title).toBe('The claim does not meet the programme’s conditions');
    expect(vi.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'claim.months', message: '07/2020 nằm ngoài thời gian được hỗ trợ từ 04/2020 đến 06/2020' },
        { field: 'claim.jobLostOn', message: 'Phải mất việc làm trong khoảng từ 01/04/2020 đến 30/06/2020' },
      ]),
    );
    expect(en.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'claim.months', message: '07/2020 outside the qualifying period 04/2020 to 06/2020' },
        { field: 'claim.jobLostOn', message: 'The job must have been lost between 01/04/2020 and 30/06/2020' },
      ]),
    );
    const typed = await submit({ programme: 'nq42-2020', category: '4', applicant: applicant('001080000203'), claim: { ...informalClaim, monthlyIncome: 'none' } });
    expect(typed.status).toBe(400);
    expect(fieldMessage(typed.body, 'claim.monthlyIncome')).toBe('phải là số nguyên');
  });

  it('words the domain’s refusals of a step, naming steps by the programme’s labels and statuses in words', async () => {
    const created = await submit({ programme: 'nq42-2020', category: '4', applicant: applicant('001080000204'), claim: informalClaim });
    expect(created.status).toBe(201);
    const early = (language: string) =>
      api.http.post(`/applications/${created.body.id}/ward-approval`).set(as('ward-approver')).set('Accept-Language', language).send({ decision: 'approved' });
    const [vi, en] = [await early('vi'), await early('en')];
    expect(vi.status).toBe(409);
    expect(vi.body).toMatchObject({
      code: 'invalid-transition',
      title: 'Không thực hiện được ở trạng thái hiện tại của hồ sơ',
      detail: 'chưa thể thực hiện bước “UBND phường, xã phê duyệt”: hồ sơ ở trạng thái “đã tiếp nhận”, chờ bước “Rà soát ở thôn, tổ dân phố”',
    });
    expect(en.body.detail).toMatch(/^step “.+” is not allowed now: the application is submitted, awaiting “.+”$/);
    const reviewed = await api.http.post(`/applications/${created.body.id}/village-review`).set(as('village-reviewer', 'W01', 'officer-an')).send({ outcome: 'confirmed' });
    expect(reviewed.status).toBe(200);
    const wrongRole = await api.http.post(`/applications/${created.body.id}/payment`).set(as('treasurer')).send({ amount: 1, method: 'cash', reference: 'x' });
    expect(wrongRole.status).toBe(409);
    expect(wrongRole.body.detail).toMatch(/^chỉ chi trả khi đã được duyệt đủ các bước: hồ sơ ở trạng thái “đang xử lý”, chờ bước “.+”$/);
  });

  it('words the API’s own refusals: a bad token, a missing application, a header', async () => {
    const anonymous = await api.http.get('/applications/00000000-0000-4000-8000-000000000000').set('Accept-Language', 'vi');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ title: 'Cần đăng nhập', detail: 'cần mã xác thực (bearer token)' });
    const missing = await api.http.get('/applications/00000000-0000-4000-8000-000000000000').set(as('auditor', null)).set('Accept-Language', 'en');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ title: 'Not found', detail: 'no such application' });
    const header = await api.http
      .post('/applications')
      .set(as('intake-officer'))
      .set('If-Match', 'soon')
      .send({ programme: 'nq42-2020', category: '4', applicant: applicant('001080000205'), claim: informalClaim });
    expect(header.status).toBe(400);
    expect(fieldMessage(header.body, 'If-Match')).toBe('If-Match phải là một phiên bản, ví dụ "3"');
  });
});
