import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';
import { ApplicationFactory, nextCitizenId, submissionBody } from './support/http-fixtures';

/** What the outside probe sent that answered 500: each is bad input, a 400 problem, and writes nothing. */
describe('Bad input the probe found answering 500', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  let id: string;
  const as = (role: Parameters<ApiTestApp['token']>[0], ward: string | null = 'W01') => ({ Authorization: `Bearer ${api.token(role, ward)}` });
  const events = async () => Number((await db.pool.query('SELECT count(*) AS n FROM events')).rows[0].n);

  beforeAll(async () => {
    db = await createTestDatabase('bad_input');
    api = await createApiTestApp(db, { RATE_LIMIT: '0' });
    ({ id } = await new ApplicationFactory(api).create('submitted'));
    await api.settle();
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const expect400 = async (response: { status: number; headers: Record<string, string>; body: { code?: string } }) => {
    expect({ status: response.status, body: response.body }).toEqual({ status: 400, body: expect.objectContaining({ code: 'validation-failed' }) });
    expect(response.headers['content-type']).toContain('application/problem+json');
  };

  it('JSON nested 20,000 deep (40 KB)', async () => {
    const before = await events();
    const deep = `{"programme":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    await expect400(await api.http.post('/applications').set(as('intake-officer')).set('Content-Type', 'application/json').send(deep));
    const deepObject = `${'{"a":'.repeat(8_000)}1${'}'.repeat(8_000)}`;
    await expect400(await api.http.post('/applications').set(as('intake-officer')).set('Content-Type', 'application/json').send(deepObject));
    expect(await events()).toBe(before);
  });

  it.each([
    ['a NUL', 'Nguyễn\u0000Hoa'],
    ['a lone high surrogate', 'Nguyễn \ud800 Hoa'],
    ['a lone low surrogate', 'Nguyễn \udc00 Hoa'],
  ])('%s in a name', async (_, fullName) => {
    const before = await events();
    const body = submissionBody(nextCitizenId());
    await expect400(await api.http.post('/applications').set(as('intake-officer')).send({ ...body, applicant: { ...body.applicant, fullName } }));
    await expect400(await api.http.post(`/applications/${id}/withdrawal`).set(as('intake-officer')).send({ reason: `x${fullName}` }));
    expect(await events()).toBe(before);
  });

  it.each([
    ['/applications?ward=W01%00'],
    ['/applications.csv?ward=W01%00'],
    ['/overdue-steps?ward=W01%00'],
    ['/dashboards/wards/W01%00'],
    ['/applications/%00'],
    ['/beneficiaries/0123%00'],
  ])('%%00 in %s', async (path) => {
    await expect400(await api.http.get(path).set(as('inspector', null)));
  });

  it('%00 in a token\'s ward', async () => {
    await expect400(await api.http.get('/applications').set(as('intake-officer', 'W01\u0000')));
    await expect400(await api.http.get('/applications?ward=W01').set(as('intake-officer', 'W01\u0000')));
  });

  it.each([
    [`/applications/:id/state?asOf=2020-02-30`],
    [`/applications/:id/state?asOf=2020-13-01T00:00:00Z`],
    [`/applications/:id/state?version=1000000000000`],
    [`/applications/:id/state?version=99999999999999999999999`],
    ['/overdue-steps?asOf=2020-02-30'],
    ['/officers/x/activity?from=2020-02-30&to=2020-06-30'],
  ])('%s', async (path) => {
    await expect400(await api.http.get(path.replace(':id', id)).set(as('auditor', null)));
  });

  it.each([
    ['not base64', '!!!'],
    ['base64 of garbage', Buffer.from('garbage').toString('base64url')],
    ['base64 of JSON of the wrong shape', Buffer.from(JSON.stringify({ a: 1 })).toString('base64url')],
    ['base64 of JSON with a NUL', Buffer.from(JSON.stringify(['2020-01-01T00:00:00Z\u0000', 'x\u0000'])).toString('base64url')],
    ['base64 of an array of odd values', Buffer.from(JSON.stringify([1e308, {}, null])).toString('base64url')],
    ['base64 of a bad date', Buffer.from(JSON.stringify({ submittedAt: '2020-02-30T00:00:00Z', id: '00000000-0000-0000-0000-000000000000' })).toString('base64url')],
    ['a huge number', '99999999999999999999999999'],
  ])('a crafted cursor: %s', async (_, cursor) => {
    for (const path of ['/applications', '/alerts']) {
      const response = await api.http.get(path).query({ cursor }).set(as('inspector', null));
      await expect400(response);
    }
  });
});
