import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

const HEADER = 'STT;Họ và tên;Ngày, tháng, năm sinh;Số CMND/CCCD;Nơi ở hiện tại;Tháng đề nghị hỗ trợ;Công việc;Ngày mất việc;Thu nhập hằng tháng (đồng)\n';
const ROWS = 45;
const csvOf = (count: number, seed: number) =>
  Buffer.from(HEADER + Array.from({ length: count }, (_, i) => `${i + 1};Người Thứ ${i + 1};02/02/1982;0010820${String(seed * 1000 + i).padStart(5, '0')};Tổ ${i + 1};04/2020;porter;01/04/2020;0`).join('\n'));

describe('Import progress over HTTP', () => {
  let db: TestDatabase;
  let api: ApiTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('e2e_import_progress');
    api = await createApiTestApp(db);
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const as = (sub: string, role: Parameters<ApiTestApp['token']>[0] = 'intake-officer') => ({ Authorization: `Bearer ${api.token(role, 'W01', sub)}` });
  const eventCount = async () => Number((await db.pool.query('SELECT count(*) FROM events')).rows[0].count);
  const upload = (file: Buffer, progress: string | undefined, sub = 'officer-a') =>
    api.http.post(`/imports${progress === undefined ? '' : `?progress=${encodeURIComponent(progress)}`}`).set(as(sub)).attach('file', file, 'ds.csv')
      .field('programme', 'nq42-2020').field('category', '4').field('ward', 'W01');

  it('tells the importing officer how many rows were decided, and no one else', async () => {
    const id = randomUUID();
    // Polled while the upload runs: every answer is a real state, never more rows than the file has.
    const seen: { phase: string; done: number; total: number }[] = [];
    let running = true;
    const polling = (async () => {
      while (running) {
        const poll = await api.http.get(`/imports/progress/${id}`).set(as('officer-a'));
        if (poll.status === 200) seen.push(poll.body);
        else expect(poll.status).toBe(404);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const imported = await upload(csvOf(ROWS, 1), id);
    running = false;
    await polling;
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ rows: ROWS, accepted: ROWS, refused: 0 });

    for (const state of seen) {
      expect(['reading', 'deciding', 'recording', 'done']).toContain(state.phase);
      expect(state.done).toBeLessThanOrEqual(state.total || 0);
      if (state.phase !== 'reading') expect(state.total).toBe(ROWS);
    }
    const done = await api.http.get(`/imports/progress/${id.toUpperCase()}`).set(as('officer-a'));
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ phase: 'done', done: ROWS, total: ROWS });
    // Another officer cannot read it, even of the same ward.
    expect((await api.http.get(`/imports/progress/${id}`).set(as('officer-b'))).status).toBe(404);
  });

  it('an import refused as a whole ends as failed; the same file again is done at once', async () => {
    const bad = randomUUID();
    const refused = await upload(Buffer.from('Name,ID\nAn,001080000001\n'), bad);
    expect(refused.status).toBe(400);
    expect((await api.http.get(`/imports/progress/${bad}`).set(as('officer-a'))).body).toMatchObject({ phase: 'failed' });

    const file = csvOf(3, 2);
    expect((await upload(file, undefined)).status).toBe(201);
    const again = randomUUID();
    expect((await upload(file, again)).status).toBe(200);
    expect((await api.http.get(`/imports/progress/${again}`).set(as('officer-a'))).body).toEqual({ phase: 'done', done: 3, total: 3 });
  });

  it('refuses a progress id that is not a UUID with 400 in both languages, before anything is written', async () => {
    const before = await eventCount();
    const refused = await upload(csvOf(2, 3), 'not-a-uuid');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'validation-failed', errors: [{ field: 'progress', message: 'phải là một mã UUID do máy trạm tự tạo' }] });
    const english = await api.http.get('/imports/progress/x1').set({ ...as('officer-a'), 'Accept-Language': 'en' });
    expect(english.status).toBe(400);
    expect(english.body.errors).toEqual([{ field: 'id', message: 'must be a UUID the client chose' }]);
    expect(await eventCount()).toBe(before);
    const unknown = await api.http.get(`/imports/progress/${randomUUID()}`).set({ ...as('officer-a'), 'Accept-Language': 'en' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe('no import with this progress id is running or ran lately in this process');
  });
});
