import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';
import { ApplicationFactory, nextCitizenId, submissionBody } from './support/http-fixtures';

const PAYMENT = { amount: 2_000_000, method: 'bank', reference: 'UNC-1' };

/**
 * An Idempotency-Key is bound to the officer, the route, the target and the body's hash: a
 * repeat of the same request gets the first answer, anything else with the key is 422
 * `idempotency-key-reused`, and nothing is written for it.
 */
describe('Idempotency keys bound to what they were used for', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  let applications: ApplicationFactory;
  const treasurer = () => `Bearer ${api.token('treasurer', 'W01', 'treasurer-mai')}`;
  const streamEvents = async (id: string) => Number((await db.pool.query(`SELECT count(*) AS n FROM events WHERE stream_id LIKE '%' || $1`, [id])).rows[0].n);
  const paid = async (id: string) => Number((await db.pool.query(`SELECT count(*) AS n FROM events WHERE stream_id LIKE '%' || $1 AND type LIKE '%Paid%'`, [id])).rows[0].n);
  const pay = (id: string, key: string, body: object = PAYMENT) => api.http.post(`/applications/${id}/payment`).set('Authorization', treasurer()).set('Idempotency-Key', key).send(body);

  beforeAll(async () => {
    db = await createTestDatabase('idempotency_binding');
    api = await createApiTestApp(db, { RATE_LIMIT: '0' });
    applications = new ApplicationFactory(api);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const expectReused = (response: { status: number; headers: Record<string, string>; body: Record<string, unknown> }) => {
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'idempotency-key-reused' });
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.title).toBe('Khóa Idempotency-Key đã được dùng cho một yêu cầu khác');
  };

  it('a key used to pay A, reused to pay B, is refused and leaves B unpaid (and A paid once)', async () => {
    const a = await applications.create('decided');
    const b = await applications.create('decided');
    const first = await pay(a.id, 'pay-0001');
    expect(first.status).toBe(200);
    const before = await streamEvents(b.id);
    expectReused(await pay(b.id, 'pay-0001'));
    expect(await streamEvents(b.id)).toBe(before);
    expect(await paid(b.id)).toBe(0);
    // The same request again is still answered as the first time.
    const repeat = await pay(a.id, 'pay-0001');
    expect({ status: repeat.status, body: repeat.body }).toEqual({ status: 200, body: first.body });
    expect(await paid(a.id)).toBe(1);
    // B can be paid with a key of its own.
    expect((await pay(b.id, 'pay-0002')).status).toBe(200);
  });

  it('the same key on the same application with another body is refused', async () => {
    const a = await applications.create('decided');
    expect((await pay(a.id, 'pay-0003')).status).toBe(200);
    expectReused(await pay(a.id, 'pay-0003', { ...PAYMENT, reference: 'UNC-2' }));
    // Key order does not make another body.
    expect((await pay(a.id, 'pay-0003', { reference: 'UNC-1', method: 'bank', amount: 2_000_000 })).status).toBe(200);
  });

  it('the same key on another route is refused', async () => {
    const a = await applications.create('submitted');
    const intake = `Bearer ${api.token('intake-officer', 'W01', 'officer-lan')}`;
    const submitted = await api.http.post('/applications').set('Authorization', intake).set('Idempotency-Key', 'lan-0001').send(submissionBody(nextCitizenId('0881')));
    expect(submitted.status).toBe(201);
    const withdrawn = await api.http.post(`/applications/${a.id}/withdrawal`).set('Authorization', intake).set('Idempotency-Key', 'lan-0001').send({ reason: 'moved away' });
    expectReused(withdrawn);
  });

  it('two officers whose id and key join alike (a:b + c, a + b:c) do not share a command', async () => {
    const submit = (sub: string, key: string) =>
      api.http.post('/applications').set('Authorization', `Bearer ${api.token('intake-officer', 'W01', sub)}`).set('Idempotency-Key', key).send(submissionBody(nextCitizenId('0882')));
    const one = await submit('officer:x', 'k1');
    const two = await submit('officer', 'x:k1');
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.body.id).not.toBe(one.body.id);
  });

  it('under parallel reuse one target wins: its requests share one answer, the other target\'s are refused, one payment in all', async () => {
    const a = await applications.create('decided');
    const b = await applications.create('decided');
    const responses = await Promise.all(Array.from({ length: 12 }, (_, n) => pay(n % 2 === 0 ? a.id : b.id, 'pay-race-0001')));
    const ok = responses.filter((response) => response.status === 200);
    const refused = responses.filter((response) => response.status === 422);
    // Anything else, with what it said (a repeat refused by its decision once showed here).
    expect(responses.filter((response) => response.status !== 200 && response.status !== 422).map((response) => ({ status: response.status, body: response.body }))).toEqual([]);
    expect(ok.length + refused.length).toBe(12);
    const winner = ok[0].body.id as string;
    expect(ok.every((response) => response.body.id === winner && response.body.version === ok[0].body.version)).toBe(true);
    expect(ok).toHaveLength(6);
    refused.forEach(expectReused);
    expect((await paid(a.id)) + (await paid(b.id))).toBe(1);
  });
});
