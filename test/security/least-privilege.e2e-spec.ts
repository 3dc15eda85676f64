import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore } from '@lib/event-store';
import { createEventTypeRegistry } from '@lib/platform';
import { AnchorSigner } from '@lib/projections';
import { SERVICE_ROLE } from '../../libs/projections/src/migrations/1764300000000-service-role-grants';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

/**
 * The service connects as a login role that is a member of relief_ledger_service; migrations
 * run as the owner. The log must then be append-only for the service by privilege, before the
 * trigger that refuses changes is even reached.
 */
describe('The service database role', () => {
  let db: TestDatabase;
  let service: Pool;
  let api: ApiTestApp;
  const login = `rl_test_service_${randomBytes(4).toString('hex')}`;
  let serviceUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase('least_privilege');
    await db.pool.query(`CREATE ROLE ${login} LOGIN IN ROLE ${SERVICE_ROLE}`);
    const url = new URL(db.url);
    url.username = login;
    serviceUrl = url.toString();
    service = new Pool({ connectionString: serviceUrl, max: 2 });
  });
  afterAll(async () => {
    await api?.close();
    await service.end();
    await db.drop();
    const admin = new Pool({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', max: 1 });
    await admin.query(`DROP ROLE IF EXISTS ${login}`);
    await admin.end();
  });

  const append = () =>
    new PostgresEventStore(service, createEventTypeRegistry()).append({
      commandId: randomUUID(),
      recordedAt: new Date().toISOString(),
      metadata: { actorId: 'test', role: null, ward: null, correlationId: 'c', causationId: null },
      appends: [{ streamId: `support-application-${randomUUID()}`, expected: { version: 0, hash: null }, events: [{ type: 'SupportApplicationWithdrawn', data: { reason: 'test' } }] }],
      result: {},
    });

  it('may append to the log and read it', async () => {
    const outcome = await append();
    expect(outcome.duplicate).toBe(false);
    expect((await service.query('SELECT count(*)::int AS n FROM events')).rows[0].n).toBeGreaterThan(0);
    expect((await service.query('SELECT count(*)::int AS n FROM processed_commands')).rows[0].n).toBeGreaterThan(0);
  });

  it.each([
    ['UPDATE', `UPDATE events SET type = 'Forged'`],
    ['DELETE', 'DELETE FROM events'],
    ['TRUNCATE', 'TRUNCATE events'],
    ['UPDATE of processed commands', `UPDATE processed_commands SET result = '{}'`],
    ['DELETE of processed commands', 'DELETE FROM processed_commands'],
    ['UPDATE of anchors', `UPDATE anchors SET log_hash = 'forged'`],
    ['DELETE of anchors', 'DELETE FROM anchors'],
    ['TRUNCATE of anchor streams', 'TRUNCATE anchor_streams'],
    ['UPDATE of anchor keys', `UPDATE anchor_keys SET public_key = 'forged'`],
  ])('may not %s: permission denied by the role, not merely by the trigger', async (_, statement) => {
    await expect(service.query(statement)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/^permission denied for table (events|processed_commands|anchors|anchor_streams|anchor_keys)$/) });
  });

  it('may not change the schema or read the migrations table', async () => {
    await expect(service.query('CREATE TABLE shadow_events (id int)')).rejects.toMatchObject({ code: '42501' });
    await expect(service.query('DROP TABLE events')).rejects.toMatchObject({ code: '42501' });
    await expect(service.query('SELECT * FROM schema_migrations')).rejects.toMatchObject({ code: '42501' });
  });

  it('runs the whole service as that role: commands append, the projector writes the read models', async () => {
    api = await createApiTestApp(db, { DATABASE_URL: serviceUrl, MIGRATION_DATABASE_URL: db.url });
    const created = await api.http.post('/applications').set('Authorization', `Bearer ${api.token('intake-officer')}`).send({
      programme: 'nq42-2020',
      category: '4',
      applicant: { citizenId: '001080000701', fullName: 'Ngô Văn Sáu', dateOfBirth: '1977-03-04', ward: 'W01', address: 'Tổ 7, W01' },
      claim: { months: ['2020-04'], occupation: 'motorbike-taxi', jobLostOn: '2020-04-01', monthlyIncome: 0 },
    });
    expect(created.status).toBe(201);
    await api.settle();
    const view = await api.http.get(`/applications/${created.body.id}`).set('Authorization', `Bearer ${api.token('auditor', null)}`);
    expect(view.body).toMatchObject({ id: created.body.id, status: 'submitted' });
    const { rows } = await db.pool.query(`SELECT usename FROM pg_stat_activity WHERE datname = $1 AND usename = $2`, [db.name, login]);
    expect(rows.length).toBeGreaterThan(0);
    // The projector's process signs anchors as that role too (SELECT and INSERT are all it needs).
    const events = Number((await db.pool.query('SELECT count(*) FROM events')).rows[0].count);
    const covered = async () => Number((await db.pool.query('SELECT coalesce(max(position), 0) AS n FROM anchors')).rows[0].n);
    for (let attempt = 0; attempt < 300 && (await covered()) < events; attempt += 1) {
      await api.app.get(AnchorSigner).signPending();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await covered()).toBe(events);
  });
});
