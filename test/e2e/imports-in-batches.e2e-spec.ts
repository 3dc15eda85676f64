import { CommandBus } from '@nestjs/cqrs';
import { createHash } from 'node:crypto';
import { SubmitSupportApplicationCommand } from '@lib/application';
import { supportApplicationStream } from '@lib/domain';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { idFrom } from '../../apps/api/src/imports/imports.controller';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

const HEADER = 'Họ và tên,"Ngày, tháng, năm sinh",Số CMND/CCCD,Nơi ở hiện tại,Tháng đề nghị hỗ trợ,Công việc,Ngày mất việc,Thu nhập hằng tháng (đồng)\n';
const line = (serial: number, citizenId = String(500_000_000_000 + serial)) => `Người Thứ ${serial},01/01/1980,${citizenId},Tổ 1,"04/2020, 05/2020",porter,01/04/2020,0`;
/** Spreadsheet row numbers: the header is row 1. */
const rowOf = (index: number) => index + 2;

describe('Imports stored a batch of rows per append', () => {
  let db: TestDatabase;
  let api: ApiTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('e2e_import_batches');
    api = await createApiTestApp(db, { IMPORT_MAX_ROWS: '700' });
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const upload = (csv: string, ward = 'W07') =>
    api.http
      .post('/imports')
      .set({ Authorization: `Bearer ${api.token('intake-officer', ward)}` })
      .attach('file', Buffer.from(csv), 'danh-sach.csv')
      .field('programme', 'nq42-2020')
      .field('category', '4')
      .field('ward', ward);
  const importIdOf = (csv: string, ward = 'W07') => idFrom('import', 'nq42-2020', '4', ward, createHash('sha256').update(Buffer.from(csv)).digest('hex'));
  const eventCount = async () => Number((await db.pool.query('SELECT count(*) FROM events')).rows[0].count);

  /** Imported applications go on as any intake does: the ward's lists take them through approval. */
  const throughApproval = async (ids: string[]) => {
    for (const [step, role, body] of [
      ['village-review', 'village-reviewer', {}],
      ['public-posting', 'intake-officer', { reference: 'Bảng tin', postedFrom: '2020-05-18', postedUntil: '2020-05-20' }],
      ['ward-approval', 'ward-approver', {}],
    ] as const) {
      const auth = { Authorization: `Bearer ${api.token(role, 'W07')}` };
      const list = await api.http.post('/lists').set(auth).send({ programme: 'nq42-2020', category: '4', ward: 'W07', step, applicationIds: ids });
      expect({ step, status: list.status }).toEqual({ step, status: 201 });
      const act = await api.http.post(`/lists/${list.body.id}/steps/${step}`).set(auth).send({ outcome: 'completed', ...body });
      expect({ step, status: act.status, body: act.status < 300 ? null : act.body }).toEqual({ step, status: act.status < 300 ? act.status : 201, body: null });
    }
  };

  it('decides 600 rows one by one, refuses the bad ones by row, and stores the accepted ones a few hundred per transaction', async () => {
    const bad = new Set([8, 300, 555]);
    const csv = HEADER + Array.from({ length: 600 }, (_, i) => line(i, bad.has(i) ? '12345' : undefined)).join('\n');
    const before = await eventCount();
    const imported = await upload(csv);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ rows: 600, accepted: 597, refused: 3 });
    expect(imported.body.report.map((entry: { row: number; code: string }) => [entry.row, entry.code])).toEqual([...bad].map((i) => [rowOf(i), 'validation-failed']));
    const importId = importIdOf(csv);
    const accepted = Array.from({ length: 600 }, (_, i) => i).filter((i) => !bad.has(i));
    expect(imported.body.applicationIds).toEqual(accepted.map((i) => idFrom('application', importId, String(rowOf(i)))));
    // One event per intake and the import's record: nothing twice, nothing lost.
    expect(await eventCount()).toBe(before + 597 + 1);
    const { rows } = await db.pool.query(`SELECT count(DISTINCT transaction_id)::int AS transactions, count(*)::int AS events FROM events WHERE metadata->>'commandId' LIKE $1`, [`import:${importId}:%`]);
    // 597 intakes in batches of 250: three appends, not 597.
    expect(rows[0]).toEqual({ transactions: 3, events: 597 });
    const sample = await api.http.get(`/applications/${imported.body.applicationIds[596]}`).set({ Authorization: `Bearer ${api.token('intake-officer', 'W07')}` });
    expect(sample.body).toMatchObject({ status: 'submitted', applicant: { citizenId: String(500_000_000_599), fullName: 'Người Thứ 599' } });
    await throughApproval(imported.body.applicationIds);
  });

  it('after a crash halfway (some rows stored, the import not recorded), the same file again creates nothing twice', async () => {
    const csv = HEADER + Array.from({ length: 40 }, (_, i) => line(1_000 + i)).join('\n');
    const importId = importIdOf(csv);
    // The rows the crashed request had stored: the same intakes, with the ids the import derives for them.
    const bus = api.app.get(CommandBus);
    const stored: string[] = [];
    for (const index of [0, 1, 17]) {
      const row = rowOf(index);
      const result = await bus.execute(
        new SubmitSupportApplicationCommand(
          idFrom('application', importId, String(row)),
          'nq42-2020',
          '4',
          { citizenId: String(500_000_001_000 + index), fullName: `Người Thứ ${1_000 + index}`, dateOfBirth: '1980-01-01', ward: 'W07', address: 'Tổ 1' },
          { months: ['2020-04', '2020-05'], occupation: 'porter', jobLostOn: '2020-04-01', monthlyIncome: 0 },
          { actor: { id: 'intake-W07', roles: ['intake-officer'], ward: 'W07' }, commandId: `import:${importId}:${row}`, correlationId: 'crashed-import' },
        ),
      );
      stored.push(result.id);
    }
    const before = await eventCount();
    const imported = await upload(csv);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ rows: 40, accepted: 40, refused: 0, report: [] });
    expect(imported.body.applicationIds).toEqual(Array.from({ length: 40 }, (_, i) => idFrom('application', importId, String(rowOf(i)))));
    expect(imported.body.applicationIds).toEqual(expect.arrayContaining(stored));
    expect(await eventCount()).toBe(before + 37 + 1);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS events FROM events WHERE stream_id = $1`, [supportApplicationStream(stored[2])]);
    expect(rows[0].events).toBe(1);

  });
});
