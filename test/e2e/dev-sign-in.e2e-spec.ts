import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

describe('Development sign-in over HTTP', () => {
  let db: TestDatabase;
  let off: ApiTestApp;
  let on: ApiTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('e2e_dev_sign_in');
    // One after the other: createApiTestApp sets process.env while it builds the app.
    off = await createApiTestApp(db);
    on = await createApiTestApp(db, { DEV_SIGN_IN: 'true' });
  });
  afterAll(async () => {
    await Promise.all([off?.close(), on?.close()]);
    await db?.drop();
  });

  it('does not exist with a real database (DATABASE_URL set, DEV_SIGN_IN unset)', async () => {
    const minted = await off.http.post('/dev/token').send({ role: 'admin' });
    expect(minted.status).toBe(404);
    expect(minted.body.code).toBe('not-found');
    expect((await off.http.get('/dev/token')).status).toBe(404);
    const openapi = await off.http.get('/docs/json');
    expect(Object.keys(openapi.body.paths)).not.toContain('/dev/token');
  });

  it('with DEV_SIGN_IN=true mints a token for a role and ward that the API accepts', async () => {
    expect((await on.http.get('/dev/token')).body).toMatchObject({ enabled: true });
    const minted = await on.http.post('/dev/token').send({ role: 'intake-officer', ward: 'W03', sub: 'officer-lan' });
    expect(minted.status).toBe(201);
    expect(minted.body.claims).toEqual({ sub: 'officer-lan', name: 'officer-lan', roles: ['intake-officer'], ward: 'W03' });
    const listed = await on.http.get('/applications').set('Authorization', `Bearer ${minted.body.token}`);
    expect(listed.status).toBe(200);
    const otherWard = await on.http.get('/applications?ward=W04').set('Authorization', `Bearer ${minted.body.token}`);
    expect(otherWard.status).toBe(403);
  });

  it('refuses an unknown role, and a ward-scoped role without a ward, with problem+json', async () => {
    const unknown = await on.http.post('/dev/token').send({ role: 'mayor' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((error: { field: string }) => error.field)).toContain('role');
    const noWard = await on.http.post('/dev/token').send({ role: 'treasurer' });
    expect(noWard.status).toBe(400);
    expect(noWard.body).toMatchObject({ code: 'validation-failed', errors: [{ field: 'ward' }] });
  });
});
