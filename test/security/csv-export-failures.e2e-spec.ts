import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';
import { ApplicationFactory } from './support/http-fixtures';

const captured = () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
};

/** What a client sees: status, content type, the bytes, and whether the response ended or was cut. */
const download = (port: number, path: string, token: string) =>
  new Promise<{ status: number; type: string; body: string; complete: boolean }>((resolve, reject) => {
    const request = get({ host: '127.0.0.1', port, path, headers: { Authorization: `Bearer ${token}`, 'X-Correlation-Id': `csv-${path.length}-${Date.now()}` } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      const settle = () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body, complete: response.complete });
      response.on('end', settle);
      response.on('aborted', settle);
      response.on('error', settle);
    });
    request.on('error', reject);
    // A response that neither ends nor is cut (the old behaviour on a failing first row) fails the test instead of hanging it.
    request.setTimeout(30_000, () => reject(new Error(`${path}: no end and no abort within 30 s`)));
  });

/**
 * CSV exports: bad input is refused before the first byte (problem+json); a failure after the
 * first bytes cuts the connection, so the client knows the file is incomplete, and is logged as
 * an error. The failure is a row the export cannot write (its applicant is JSON null), placed
 * first or after thousands of good rows.
 */
describe('CSV exports that fail', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  let port: number;
  const log = captured();
  const auditor = () => api.token('auditor', null);

  beforeAll(async () => {
    db = await createTestDatabase('csv_export_failures');
    api = await createApiTestApp(db, { RATE_LIMIT: '0', LOG_LEVEL: 'info' }, { logStream: log.stream as never });
    const { id } = await new ApplicationFactory(api).create('submitted', { ward: 'W07' });
    await api.settle();
    // W08: 5,000 copies of a good row, then one the writer cannot write, last in export order.
    await db.pool.query(
      `INSERT INTO application_overview
       SELECT (jsonb_populate_record(o, jsonb_build_object('application_id', md5(n::text || 'W08')::uuid, 'ward', 'W08', 'submitted_at', o.submitted_at + n * interval '1 second'))).*
         FROM application_overview o, generate_series(1, 5000) AS n WHERE o.application_id = $1`,
      [id],
    );
    await db.pool.query(`UPDATE application_overview SET applicant = 'null'::jsonb WHERE application_id = (SELECT application_id FROM application_overview WHERE ward = 'W08' ORDER BY submitted_at DESC LIMIT 1)`);
    // W09: the only row is the broken one, so the export fails on its first row.
    await db.pool.query(`UPDATE application_overview SET ward = 'W09', applicant = 'null'::jsonb WHERE application_id = (SELECT application_id FROM application_overview WHERE ward = 'W08' ORDER BY submitted_at LIMIT 1)`);
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as AddressInfo).port;
  }, 300_000);
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('a good export ends properly', async () => {
    const response = await download(port, '/applications.csv?ward=W07', auditor());
    expect({ status: response.status, complete: response.complete, lines: response.body.trim().split('\r\n').length }).toEqual({ status: 200, complete: true, lines: 2 });
  });

  it.each(['/applications.csv?ward=W01%00', '/applications.csv?status=nonsense', '/alerts.csv?severity=%00'])('refuses %s before the first byte, as problem+json', async (path) => {
    const response = await download(port, path, auditor());
    expect(response.status).toBe(400);
    expect(response.type).toContain('application/problem+json');
    expect(JSON.parse(response.body).code).toBe('validation-failed');
  });

  it('an export that fails on its first row is an error answer (problem+json), not a 200 with a header', async () => {
    const response = await download(port, '/applications.csv?ward=W09', auditor());
    expect(response.status).toBe(500);
    expect(response.type).toContain('application/problem+json');
    expect(response.body).not.toContain('citizen_id');
  });

  it('an export that fails after its first bytes is cut, not ended, and logged as an error', async () => {
    const response = await download(port, '/applications.csv?ward=W08', auditor());
    expect(response.status).toBe(200);
    expect(response.body.startsWith('id,programme,')).toBe(true);
    expect(response.complete).toBe(false);
    const errors = log.records().filter((record) => record.level === 'error' && /export failed after its first bytes/.test(String(record.msg)));
    expect(errors).toHaveLength(1);
  });
});
