import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

const MAX_ROWS = 50;

/** supertest hands binary answers over as Buffers only when told how. */
const binary = (res: NodeJS.ReadableStream & { setEncoding(e: string): void }, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('Imports over HTTP', () => {
  let db: TestDatabase;
  let api: ApiTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('e2e_imports');
    api = await createApiTestApp(db, { IMPORT_MAX_ROWS: String(MAX_ROWS) });
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const as = (role: Parameters<ApiTestApp['token']>[0], ward: string | null = 'W01') => ({ Authorization: `Bearer ${api.token(role, ward)}` });
  const eventCount = async () => Number((await db.pool.query('SELECT count(*) FROM events')).rows[0].count);
  const upload = (file: Buffer, name: string, fields: Record<string, string> = {}, role: Parameters<ApiTestApp['token']>[0] = 'intake-officer', ward = 'W01') => {
    let request = api.http.post('/imports').set(as(role, ward)).attach('file', file, name);
    for (const [key, value] of Object.entries({ programme: 'nq42-2020', category: '4', ward: 'W01', ...fields })) request = request.field(key, value);
    return request;
  };
  const template = async () => {
    const response = await api.http.get('/programmes/nq42-2020/categories/4/template.xlsx').set(as('intake-officer')).buffer(true).parse(binary as never);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    return workbook;
  };
  const columnIndex = (sheet: ExcelJS.Worksheet, title: string) => {
    let found = 0;
    sheet.getRow(3).eachCell((cell, column) => {
      if (cell.value === title) found = column;
    });
    expect(found).toBeGreaterThan(0);
    return found;
  };

  it('serves the template, and imports a real-world sheet: serial and text dates, numbers as text, NFD names, leading zeros, formulas, blank rows', async () => {
    const workbook = await template();
    const sheet = workbook.getWorksheet('Danh sách')!;
    expect(sheet.getCell(1, 1).value).toContain('DANH SÁCH ĐỀ NGHỊ HỖ TRỢ');
    const at = (title: string) => columnIndex(sheet, title);
    const fill = (row: number, values: Record<string, ExcelJS.CellValue>) => {
      for (const [title, value] of Object.entries(values)) sheet.getCell(row, at(title)).value = value;
    };
    fill(4, { STT: 1, 'Họ và tên': 'Nguyễn Văn An', 'Ngày, tháng, năm sinh': new Date(Date.UTC(1980, 2, 2)), 'Số CMND/CCCD': '001080000001', 'Nơi ở hiện tại': 'Tổ 3, W01', 'Tháng đề nghị hỗ trợ': '04/2020, 05/2020', 'Công việc': 'motorbike-taxi', 'Ngày mất việc': 43922, 'Thu nhập hằng tháng (đồng)': '0' });
    fill(5, { STT: 2, 'Họ và tên': { formula: 'CONCATENATE("Trần ","Thị Bình")', result: 'Trần Thị Bình'.normalize('NFD') } as ExcelJS.CellValue, 'Ngày, tháng, năm sinh': '15/07/1975', 'Số CMND/CCCD': 10800000002, 'Nơi ở hiện tại': 'Tổ 4, W01', 'Tháng đề nghị hỗ trợ': '2020-04', 'Công việc': 'street-vendor', 'Ngày mất việc': '01/04/2020', 'Thu nhập hằng tháng (đồng)': ' 0 ' });
    // Row 6 left blank, as real sheets have them.
    fill(7, { STT: 3, 'Họ và tên': 'Lê Văn Cường', 'Ngày, tháng, năm sinh': '1970-01-01', 'Số CMND/CCCD': '123', 'Nơi ở hiện tại': 'Tổ 5', 'Tháng đề nghị hỗ trợ': '04/2020', 'Công việc': 'porter', 'Ngày mất việc': '01/04/2020', 'Thu nhập hằng tháng (đồng)': 0 });
    fill(8, { STT: 4, 'Họ và tên': 'Phạm Thị Dung', 'Ngày, tháng, năm sinh': '1990-09-09', 'Số CMND/CCCD': '001090000004', 'Nơi ở hiện tại': 'Tổ 6', 'Tháng đề nghị hỗ trợ': '04/2020', 'Công việc': 'astronaut', 'Ngày mất việc': '01/04/2020', 'Thu nhập hằng tháng (đồng)': '1.500.000' });
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const before = await eventCount();
    const imported = await upload(file, 'danh-sach-W01.xlsx', { receivedOn: '2020-05-10' });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ rows: 4, accepted: 2, refused: 2, programme: 'nq42-2020', category: '4', ward: 'W01', receivedOn: '2020-05-10' });
    expect(imported.body.applicationIds).toHaveLength(2);
    // Vietnamese unless the request prefers English: the person's columns and the domain's claim refusals alike.
    expect(imported.body.report).toEqual([
      { row: 7, column: 'Số CMND/CCCD', code: 'validation-failed', message: 'phải là số CMND (9 chữ số) hoặc CCCD (12 chữ số)' },
      { row: 8, column: 'Công việc', code: 'validation-failed', message: expect.stringMatching(/^phải là một trong: /) },
    ]);
    // Read back in the officer's language: the report's messages in words of the catalogue.
    const worded = async (lang: string) => (await api.http.get(`/imports/${imported.body.id}`).set({ ...as('intake-officer'), 'Accept-Language': lang })).body.report.find((entry: { row: number }) => entry.row === 7).message;
    expect(await worded('vi')).toBe('phải là số CMND (9 chữ số) hoặc CCCD (12 chữ số)');
    expect(await worded('en')).toBe('must be a CMND (9 digits) or CCCD (12 digits)');
    const [first, second] = imported.body.applicationIds;
    const a = await api.http.get(`/applications/${first}`).set(as('intake-officer'));
    expect(a.body.applicant).toMatchObject({ citizenId: '001080000001', dateOfBirth: '1980-03-02', ward: 'W01' });
    expect(a.body.claim).toMatchObject({ months: ['2020-04', '2020-05'], jobLostOn: '2020-04-01', monthlyIncome: 0 });
    const b = await api.http.get(`/applications/${second}`).set(as('intake-officer'));
    expect(b.body.applicant).toMatchObject({ citizenId: '010800000002', fullName: 'Trần Thị Bình'.normalize('NFC'), dateOfBirth: '1975-07-15' });
    // Two applications, one event each, plus the import's record.
    expect(await eventCount()).toBe(before + 3);

    // The same file for the same ward again: the first import, nothing new.
    const again = await upload(file, 'copy.xlsx');
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(imported.body.id);
    expect(await eventCount()).toBe(before + 3);

    const view = await api.http.get(`/imports/${imported.body.id}`).set(as('auditor', null));
    expect(view.status).toBe(200);
    expect(view.body.report).toEqual(imported.body.report);
    const english = await api.http.get(`/imports/${imported.body.id}`).set(as('auditor', null)).set('Accept-Language', 'en-GB,en;q=0.9');
    expect(english.body.report).toEqual([
      { row: 7, column: 'Số CMND/CCCD', code: 'validation-failed', message: 'must be a CMND (9 digits) or CCCD (12 digits)' },
      { row: 8, column: 'Công việc', code: 'validation-failed', message: expect.stringMatching(/^must be one of /) },
    ]);
    const repeatedInEnglish = await upload(file, 'copy.xlsx').set('Accept-Language', 'en');
    expect(repeatedInEnglish.body.report).toEqual(english.body.report);
    expect((await api.http.get(`/imports/${imported.body.id}`).set(as('intake-officer', 'W02'))).status).toBe(403);

    const report = await api.http.get(`/imports/${imported.body.id}/report.xlsx`).set(as('intake-officer')).buffer(true).parse(binary as never);
    expect(report.status).toBe(200);
    const reportBook = new ExcelJS.Workbook();
    await reportBook.xlsx.load(report.body);
    const lines: unknown[][] = [];
    reportBook.worksheets[0].eachRow((row) => lines.push((row.values as unknown[]).slice(1)));
    const row7 = lines.find((line) => line[0] === 7)!;
    expect(row7[1]).toContain('refused');
    expect(String(row7[2])).toBe('[Số CMND/CCCD] phải là số CMND (9 chữ số) hoặc CCCD (12 chữ số)');
    expect(row7).toContain('Lê Văn Cường');
    expect(lines.find((line) => line[0] === 4)![3]).toBe(first);
    expect(report.headers['content-language']).toBe('vi');

    const reportInEnglish = await api.http.get(`/imports/${imported.body.id}/report.xlsx`).set(as('intake-officer')).set('Accept-Language', 'en').buffer(true).parse(binary as never);
    expect(reportInEnglish.headers['content-language']).toBe('en');
    const englishBook = new ExcelJS.Workbook();
    await englishBook.xlsx.load(reportInEnglish.body);
    const englishLines: unknown[][] = [];
    englishBook.worksheets[0].eachRow((row) => englishLines.push((row.values as unknown[]).slice(1)));
    expect(String(englishLines.find((line) => line[0] === 7)![2])).toBe('[Số CMND/CCCD] must be a CMND (9 digits) or CCCD (12 digits)');
    expect(String(englishLines.find((line) => line[0] === 8)![2])).toMatch(/^\[Công việc\] must be one of /);
  });

  it('imports a CSV with a byte-order mark and semicolons, keeping leading zeros', async () => {
    const csv = '\uFEFFSTT;Họ và tên;Ngày, tháng, năm sinh;Số CMND/CCCD;Nơi ở hiện tại;Tháng đề nghị hỗ trợ;Công việc;Ngày mất việc;Thu nhập hằng tháng (đồng)\n1;Đỗ Văn Em;02/02/1982;001082000099;Tổ 9;04/2020;porter;01/04/2020;0\n\n';
    const imported = await upload(Buffer.from(csv), 'ds.csv');
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ rows: 1, accepted: 1, refused: 0 });
    const application = await api.http.get(`/applications/${imported.body.applicationIds[0]}`).set(as('intake-officer'));
    expect(application.body.applicant.citizenId).toBe('001082000099');
  });

  describe('bad files get a clear 4xx and nothing is written', () => {
    let before = 0;
    beforeEach(async () => {
      before = await eventCount();
    });
    afterEach(async () => {
      expect(await eventCount()).toBe(before);
    });

    it('not a spreadsheet: 415 unsupported-file', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
      const refused = await upload(png, 'photo.png');
      expect(refused.status).toBe(415);
      expect(refused.body).toMatchObject({ code: 'unsupported-file' });
      const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
      expect((await upload(xls, 'old.xls')).status).toBe(415);
    });

    it('wrong columns: 400 naming the missing ones', async () => {
      const refused = await upload(Buffer.from('Name,ID\nAn,001080000001\n'), 'wrong.csv');
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('validation-failed');
      expect(refused.body.detail).toContain('Họ và tên');
      expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['Họ và tên', 'Số CMND/CCCD', 'Tháng đề nghị hỗ trợ']));
    });

    it('over the row limit: 400', async () => {
      const header = 'Họ và tên,"Ngày, tháng, năm sinh",Số CMND/CCCD,Nơi ở hiện tại,Tháng đề nghị hỗ trợ,Công việc,Ngày mất việc,Thu nhập hằng tháng (đồng)\n';
      const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `Người ${i},01/01/1980,${String(1_000_000_000 + i).padStart(12, '0')},Tổ 1,04/2020,porter,01/04/2020,0`).join('\n');
      const refused = await upload(Buffer.from(header + rows), 'big.csv');
      expect(refused.status).toBe(400);
      expect(refused.body.detail).toContain(`tối đa ${MAX_ROWS} dòng`);
    });

    it('a zip bomb: 400 before anything is inflated', async () => {
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<Types/>');
      zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(8 * 1024 * 1024, 0x20));
      const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
      expect(bomb.length).toBeLessThan(100_000);
      const refused = await upload(bomb, 'bomb.xlsx');
      expect(refused.status).toBe(400);
      expect(refused.body.detail).toContain('bom nén');
    });

    it('a damaged XLSX: 400', async () => {
      const refused = await upload(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]), 'broken.xlsx');
      expect(refused.status).toBe(400);
    });

    it('the wrong role or ward: 403; a missing file or field: 400 or 404', async () => {
      const csv = Buffer.from('Họ và tên\n');
      expect((await upload(csv, 'x.csv', {}, 'ward-approver')).status).toBe(403);
      expect((await upload(csv, 'x.csv', {}, 'intake-officer', 'W02')).status).toBe(403);
      expect((await upload(csv, 'x.csv', { category: '99' })).status).toBe(404);
      expect((await upload(csv, 'x.csv', { receivedOn: '2999-01-01' })).status).toBe(400);
      const noFile = await api.http.post('/imports').set(as('intake-officer')).field('programme', 'nq42-2020');
      expect(noFile.status).toBe(400);
      const json = await api.http.post('/imports').set(as('intake-officer')).send({ programme: 'nq42-2020' });
      expect(json.status).toBe(415);
      const malformed = await api.http.post('/imports').set(as('intake-officer')).set('Content-Type', 'multipart/form-data').send('{"programme":"nq42-2020"}');
      expect(malformed.status).toBe(400);
    });
  });
});
