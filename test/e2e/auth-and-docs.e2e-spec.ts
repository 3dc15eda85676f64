import { generateKeyPairSync } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

describe('Authentication with an identity provider\'s public key (RS256)', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new JwtService({ privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });

  beforeAll(async () => {
    db = await createTestDatabase('e2e_rs256');
    api = await createApiTestApp(db, { JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('accepts a token the provider signed with RS256', async () => {
    const token = provider.sign({ sub: 'auditor-phuong', roles: ['auditor'], ward: null }, { algorithm: 'RS256', expiresIn: '5m' });
    const response = await api.http.get('/programmes').set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.body.items.map((programme: { id: string }) => programme.id)).toContain('nq42-2020');
  });

  it('refuses an HS256 token once a public key is configured, even one signed with JWT_SECRET', async () => {
    const response = await api.http.get('/programmes').set('Authorization', `Bearer ${api.token('auditor', null)}`);
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('unauthenticated');
  });

  it('refuses a token whose roles are unknown', async () => {
    const token = provider.sign({ sub: 'x', roles: ['mayor'], ward: null }, { algorithm: 'RS256', expiresIn: '5m' });
    expect((await api.http.get('/programmes').set('Authorization', `Bearer ${token}`)).status).toBe(401);
  });

  it('refuses an expired token', async () => {
    const token = provider.sign({ sub: 'x', roles: ['auditor'], ward: null, exp: Math.floor(Date.now() / 1000) - 60 }, { algorithm: 'RS256' });
    expect((await api.http.get('/programmes').set('Authorization', `Bearer ${token}`)).status).toBe(401);
  });

  it('serves the OpenAPI document, without a token, listing the contract\'s paths', async () => {
    const response = await api.http.get('/docs/json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining([
      '/applications', '/applications/{id}', '/applications/{id}/history', '/applications/{id}/state',
      '/applications/{id}/village-review', '/applications/{id}/ward-approval', '/applications/{id}/steps/{step}',
      '/applications/{id}/payment', '/applications/{id}/withdrawal', '/applications/{id}/recovery',
      '/programmes', '/programmes/{id}', '/dashboards/wards/{ward}',
    ]));
  });
});
