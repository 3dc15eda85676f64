import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';
import { runCli } from '../support/cli-process';

describe('cli import: a spreadsheet uploaded to a running service', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  let url = '';

  beforeAll(async () => {
    db = await createTestDatabase('e2e_cli_import');
    api = await createApiTestApp(db);
    await api.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('imports the rows, prints the refused ones, and says so when the same file comes again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relief-cli-import-'));
    const file = join(dir, 'ds.csv');
    writeFileSync(file, 'Họ và tên,"Ngày, tháng, năm sinh",Số CMND/CCCD,Nơi ở hiện tại,Tháng đề nghị hỗ trợ,Công việc,Ngày mất việc,Thu nhập hằng tháng (đồng)\nMai Văn Hùng,01/01/1980,001080777001,Tổ 1,04/2020,porter,01/04/2020,0\nSai Số,01/01/1980,12,Tổ 1,04/2020,porter,01/04/2020,0\n');
    const args = ['import', '--file', file, '--ward', 'W01', '--category', '4', '--url', url, '--no-progress'];
    const env = { RELIEF_TOKEN: api.token('intake-officer', 'W01') };
    const first = await runCli(args, env);
    expect(first.stdout).toContain('imported');
    expect(first.stdout).toContain('2 rows, 1 accepted, 1 refused');
    expect(first.stdout).toContain('row 3 [Số CMND/CCCD]: must be a CMND (9 digits) or CCCD (12 digits)');
    expect(first.code).toBe(0);
    const again = await runCli(args, env);
    expect(again.stdout).toContain('already imported');
    const refused = await runCli(['import', '--file', file, '--ward', 'W02', '--category', '4', '--url', url, '--no-progress'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('refused (403 forbidden)');
  });
});
