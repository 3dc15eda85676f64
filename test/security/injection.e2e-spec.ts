import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';
import { ApplicationFactory, submissionBody } from './support/http-fixtures';

/** Classic payloads: each would widen, break or stall the query if it were pasted into the SQL. */
const SQL_PAYLOADS = [
  "W01' OR '1'='1",
  "W01' OR 1=1 --",
  "x'; DROP TABLE events; --",
  "x'); DELETE FROM application_overview; --",
  "' UNION SELECT application_id::text, null FROM application_overview --",
  "W01'||pg_sleep(5)||'",
  '1 OR 1=1',
  '%',
  '_01',
  "W01\\' OR \\'1\\'=\\'1",
];

/**
 * Query parameters are bound, never interpolated: every filter and path parameter of the query
 * endpoints is fed SQL injection payloads. None may widen a result, fail with a 500 or change a
 * table; W01's data, which a widened query would leak, must not appear.
 */
describe('Injection payloads against the query endpoints', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  const inspector = () => ({ Authorization: `Bearer ${api.token('inspector', null)}` });
  const snapshot = async () =>
    (await db.pool.query(`SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM application_overview)::int AS overview,
                                 (SELECT count(*) FROM beneficiary_index)::int AS people, (SELECT count(*) FROM fraud_alerts)::int AS alerts`)).rows[0];

  beforeAll(async () => {
    db = await createTestDatabase('injection');
    api = await createApiTestApp(db, { RATE_LIMIT: '0' });
    const applications = new ApplicationFactory(api);
    for (const account of ['0071000444444', '0071000444444', '0071000444444']) await applications.create('paid', { bankAccount: account });
    await api.settle();
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const urls = (payload: string) => {
    const q = encodeURIComponent(payload);
    return [
      `/applications?ward=${q}`,
      `/applications?status=${q}`,
      `/applications?category=${q}`,
      `/applications?cursor=${q}`,
      `/applications.csv?ward=${q}`,
      `/applications.csv?category=${q}`,
      `/dashboards/wards/${q}`,
      `/overdue-steps?ward=${q}`,
      `/overdue-steps?category=${q}&step=${q}`,
      `/alerts?ward=${q}`,
      `/alerts.csv?ward=${q}`,
      `/beneficiaries/${q}`,
      `/officers/${q}/activity?from=2020-04-01&to=2020-06-30`,
      `/programmes/${q}`,
      `/applications/${q}`,
      `/applications/${q}/history`,
    ];
  };

  it.each(SQL_PAYLOADS)('binds %j: no 500, no rows it should not match, no table changed', async (payload) => {
    const before = await snapshot();
    for (const url of urls(payload)) {
      const response = await api.http.get(url).set(inspector());
      expect({ url, status: response.status < 500 }).toEqual({ url, status: true });
      if (response.status >= 400) {
        expect(response.headers['content-type']).toContain('application/problem+json');
        continue;
      }
      const text = response.text;
      // A widened filter would return W01's rows; a bound one matches a ward literally named like the payload.
      if (url.includes('.csv')) expect({ url, rows: text.trim().split('\r\n').length - 1 }).toEqual({ url, rows: 0 });
      else expect({ url, leaked: /"ward":"W01"|"W01"/.test(text) }).toEqual({ url, leaked: false });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('still answers the honest query afterwards', async () => {
    const response = await api.http.get('/applications?ward=W01').set(inspector());
    expect(response.body.items).toHaveLength(3);
    const dashboard = await api.http.get('/dashboards/wards/W01').set(inspector());
    expect(dashboard.body.byStatus).toEqual({ paid: 3 });
  });

  it('neutralises formulas in CSV exports: a name typed as a formula arrives as text', async () => {
    const body = submissionBody('001080000901');
    body.applicant.fullName = '=HYPERLINK("http://evil.example","Bấm vào")';
    body.applicant.address = '+84 cmd|/C calc!A0';
    const created = await api.http.post('/applications').set('Authorization', `Bearer ${api.token('intake-officer')}`).send(body);
    expect(created.status).toBe(201);
    await api.settle();
    const csv = await api.http.get('/applications.csv?ward=W01').set(inspector());
    expect(csv.status).toBe(200);
    const line = csv.text.split('\r\n').find((row) => row.startsWith(created.body.id))!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""Bấm vào"")"`);
    expect(line).toContain("'+84 cmd|/C calc!A0");
    // No cell of the export starts with a formula character.
    const cells = csv.text.split('\r\n').flatMap((row) => row.split(','));
    expect(cells.filter((cell) => /^"?[=+@]/.test(cell))).toEqual([]);
  });
});
