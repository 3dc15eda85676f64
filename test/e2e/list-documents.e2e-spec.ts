import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';
import { pdfText } from '../support/pdf-text';

const binary = (res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('A list as officers sign it: XLSX and PDF', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  let approvalList = '';
  let decisionList = '';
  let approvedIds: string[] = [];
  const names = ['Nguyễn Thị Hằng', 'Đặng Văn Tường', 'Bùi Quốc Việt'];

  const as = (role: Parameters<ApiTestApp['token']>[0], ward: string | null = 'W01') => ({ Authorization: `Bearer ${api.token(role, ward)}` });
  const ok = async (response: Promise<{ status: number; body: unknown }> | { status: number; body: unknown }, status = 200) => {
    const answer = await response;
    expect({ status: answer.status, body: answer.status === status ? null : answer.body }).toEqual({ status, body: null });
    return answer.body as { id: string };
  };
  const get = (path: string, role: Parameters<ApiTestApp['token']>[0] = 'ward-approver', ward: string | null = 'W01') => api.http.get(path).set(as(role, ward)).buffer(true).parse(binary as never);

  beforeAll(async () => {
    db = await createTestDatabase('e2e_list_documents');
    api = await createApiTestApp(db);
    const ids: string[] = [];
    for (const [index, fullName] of names.entries()) {
      const applicant = { citizenId: `00108800000${index}`, fullName, dateOfBirth: '1981-01-0' + (index + 1), ward: 'W01', address: `Số ${index + 1} Lê Lợi, W01` };
      const claim = { months: ['2020-04', '2020-05'], occupation: 'porter', jobLostOn: '2020-04-01', monthlyIncome: 0 };
      ids.push((await ok(api.http.post('/applications').set(as('intake-officer')).send({ programme: 'nq42-2020', category: '4', applicant, claim }), 201)).id);
    }
    const act = async (step: string, role: Parameters<ApiTestApp['token']>[0], ward: string | null, body: object) => {
      const list = await ok(api.http.post('/lists').set(as(role, ward)).send({ programme: 'nq42-2020', category: '4', ward: 'W01', step, applicationIds: ids }), 201);
      await ok(api.http.post(`/lists/${list.id}/steps/${step}`).set(as(role, ward)).send({ outcome: 'completed', ...body }));
      return list.id;
    };
    await act('village-review', 'village-reviewer', 'W01', {});
    await act('public-posting', 'intake-officer', 'W01', { reference: 'Bảng tin', postedFrom: '2020-05-18', postedUntil: '2020-05-20' });
    approvalList = await act('ward-approval', 'ward-approver', 'W01', { exclusions: [{ applicationId: ids[2], reason: 'đã nhận hỗ trợ nhóm khác' }] });
    const remaining = ids.slice(0, 2);
    approvedIds = remaining;
    const appraisal = await ok(api.http.post('/lists').set(as('district-appraiser', null)).send({ programme: 'nq42-2020', category: '4', ward: 'W01', step: 'district-appraisal', applicationIds: remaining }), 201);
    await ok(api.http.post(`/lists/${appraisal.id}/steps/district-appraisal`).set(as('district-appraiser', null)).send({ outcome: 'completed', reference: 'TĐ-5' }));
    decisionList = (await ok(api.http.post('/lists').set(as('province-approver', null)).send({ programme: 'nq42-2020', category: '4', ward: 'W01', step: 'provincial-decision', applicationIds: remaining }), 201)).id;
    await ok(api.http.post('/decisions').set(as('province-approver', null)).send({ programme: 'nq42-2020', decisionNo: '2001/QĐ-UBND', decidedOn: '2020-05-26', listIds: [decisionList] }), 201);
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('prints the ward list as a PDF in Vietnamese: title, legal basis, rows, totals in figures and words, signature blocks', async () => {
    const response = await get(`/lists/${approvalList}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The font is embedded, so every reader shows the same glyphs.
    expect(pdf.toString('latin1')).toMatch(/FontFile2/);
    writeFileSync(join(tmpdir(), 'relief-list.pdf'), pdf);
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    for (const expected of ['DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ HỖ TRỢ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Nghị quyết số 42/NQ-CP', '15/2020/QĐ-TTg', ...names, '001088000000', '04/2020, 05/2020', 'Không hỗ trợ: đã nhận hỗ trợ nhóm khác', 'Tổng cộng: 2 người', '4.000.000', 'Bằng chữ: Bốn triệu đồng', 'Người lập biểu', 'Kế toán', 'CHỦ TỊCH']) {
      expect(text).toContain(expected);
    }
  });

  it('gives the same list as XLSX with amounts as numbers and the total in words', async () => {
    const response = await get(`/lists/${approvalList}.xlsx`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    const cells: unknown[] = [];
    workbook.worksheets[0].eachRow((row) => cells.push(...(row.values as unknown[])));
    expect(cells).toEqual(expect.arrayContaining(['DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ HỖ TRỢ', names[0], 2_000_000, 4_000_000, 'Người lập biểu']));
    expect(cells.some((cell) => typeof cell === 'string' && cell.includes('Bằng chữ: Bốn triệu đồng'))).toBe(true);
  });

  it("prints the decision's annex with its number, and the payment list with a signature column for the treasurer", async () => {
    const annex = await pdfText((await get(`/lists/${decisionList}.pdf`, 'province-approver', null)).body);
    expect(annex.replace(/\s+/g, ' ')).toContain('Kèm theo Quyết định số 2001/QĐ-UBND');
    expect(annex).toContain('DANH SÁCH ĐỐI TƯỢNG ĐƯỢC HỖ TRỢ');
    const payment = await get(`/lists/${decisionList}/payment-list.pdf`, 'treasurer');
    expect(payment.status).toBe(200);
    writeFileSync(join(tmpdir(), 'relief-payment-list.pdf'), payment.body);
    const text = (await pdfText(payment.body)).replace(/\s+/g, ' ');
    for (const expected of ['DANH SÁCH CHI TRẢ TIỀN HỖ TRỢ', 'Ký nhận', names[0], names[1], 'Bằng chữ: Bốn triệu đồng']) expect(text).toContain(expected);
    expect(text).not.toContain(names[2]);
    expect((await get(`/lists/${decisionList}/payment-list.xlsx`, 'treasurer')).status).toBe(200);
    expect((await get(`/lists/${decisionList}/payment-list.pdf`, 'intake-officer')).status).toBe(403);
    expect((await get(`/lists/${decisionList}/payment-list.pdf`, 'treasurer', 'W02')).status).toBe(403);
    expect((await get(`/lists/${decisionList}/payment-list.doc`, 'treasurer')).status).toBe(404);
    expect((await get(`/lists/${decisionList}.docx`)).status).toBe(404);
  });

  it('records the returned payment list through the domain, reporting mismatches and unknown rows, and reconciles the ward', async () => {
    const csv = `Mã hồ sơ,Số CMND/CCCD,Số tiền,Ngày chi trả,Số chứng từ\n${approvedIds[0]},,2.000.000,28/05/2020,BĐ-001\n,001088000001,1500000,28/05/2020,BĐ-002\n,001099999999,2000000,28/05/2020,BĐ-003\n`;
    const send = (role: Parameters<ApiTestApp['token']>[0], ward = 'W01') => api.http.post('/payments/imports').set(as(role, ward)).attach('file', Buffer.from(csv), 'tra-ve.csv');
    expect((await send('intake-officer')).status).toBe(403);
    // Rows that name the person are matched to their application through the read model.
    await api.settle();
    const returned = await send('treasurer');
    expect(returned.status).toBe(201);
    expect(returned.body).toMatchObject({ rows: 3, recorded: 1, refused: 2, mismatches: [{ row: 3, applicationId: approvedIds[1], expected: 2_000_000, given: 1_500_000 }] });
    // The rows' refusals in Vietnamese unless the request prefers English, the first answer and a repeat alike.
    expect(returned.body.report).toEqual([
      { row: 3, column: 'Số tiền', code: 'amount-mismatch', applicationId: approvedIds[1], message: `${approvedIds[1]}: số tiền chi phải bằng số được duyệt còn phải chi: 2.000.000 đồng, không phải 1.500.000 đồng` },
      { row: 4, column: 'Số CMND/CCCD', code: 'not-found', message: 'không có hồ sơ đã duyệt, chưa chi trả nào của số CMND/CCCD 001099999999 tại phường/xã W01' },
    ]);
    const again = await send('treasurer').set('Accept-Language', 'en');
    expect(again.status).toBe(200);
    expect(again.body.recorded).toBe(1);
    expect(again.body.report).toEqual([
      expect.objectContaining({ row: 3, message: expect.stringMatching(new RegExp(`^${approvedIds[1]}: .*2,000,000 VND.*1,500,000 VND`)) }),
      expect.objectContaining({ row: 4, message: 'no approved, unpaid application of 001099999999 in ward W01' }),
    ]);
    await api.settle();
    const paid = await api.http.get(`/applications/${approvedIds[0]}`).set(as('treasurer'));
    expect(paid.body).toMatchObject({ status: 'paid', paidAmount: 2_000_000 });
    const reconciliation = await api.http.get('/reconciliation?ward=W01').set(as('treasurer'));
    expect(reconciliation.status).toBe(200);
    expect(reconciliation.body).toEqual({
      ward: 'W01',
      approved: { count: 2, amount: 4_000_000 },
      paid: { count: 1, amount: 2_000_000 },
      unpaid: { count: 1, amount: 2_000_000 },
      mismatched: { count: 1, amount: 2_000_000 },
    });
    // Reconciliation reads read models: the returned list's mismatch is a row of its own, projected from the log.
    const { rows: mismatches } = await db.pool.query('SELECT application_id, ward, row, expected::int, given::int FROM payment_mismatches');
    expect(mismatches).toEqual([{ application_id: approvedIds[1], ward: 'W01', row: 3, expected: 2_000_000, given: 1_500_000 }]);
    expect((await api.http.get('/reconciliation?ward=W01').set(as('treasurer', 'W02'))).status).toBe(403);
    expect((await api.http.get('/reconciliation?ward=W01').set(as('auditor', null))).status).toBe(200);
    expect((await api.http.get('/reconciliation').set(as('auditor', null))).status).toBe(400);
  });
});
