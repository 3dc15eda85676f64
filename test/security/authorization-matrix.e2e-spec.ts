import { JwtService } from '@nestjs/jwt';
import { ROLES, type Role } from '@lib/domain';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { TEST_JWT_SECRET, createApiTestApp, type ApiTestApp } from '../support/api-test-app';
import { AUTHORIZATION, type Entry, type Fixtures } from './authorization-table';
import { buildFixtures, servedRoutes } from './support/matrix-fixtures';

type Caller =
  | { kind: 'role'; role: Role; ward: 'own' | 'other' }
  | { kind: 'no token' | 'expired token' | 'token signed with another key' | 'alg none' };

const CALLERS: Caller[] = [
  ...ROLES.flatMap((role) => (['own', 'other'] as const).map((ward): Caller => ({ kind: 'role', role, ward }))),
  { kind: 'no token' },
  { kind: 'expired token' },
  { kind: 'token signed with another key' },
  { kind: 'alg none' },
];

const describeCaller = (caller: Caller) => (caller.kind === 'role' ? `${caller.role} of ${caller.ward} ward` : caller.kind);

/** The status the table promises this caller. */
const expected = (entry: Entry, caller: Caller): number => {
  if (entry.access === 'public') return entry.ok;
  if (caller.kind !== 'role') return 401;
  const grant = entry.access[caller.role];
  if (!grant || (grant === 'own-ward' && caller.ward === 'other')) return 403;
  return entry.ok;
};

const CELLS = Object.entries(AUTHORIZATION).flatMap(([route, entry]) => CALLERS.map((caller) => ({ route, entry, caller })));

describe('Authorization matrix: every endpoint x every role x own ward / other ward / bad tokens', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  let fixtures: Fixtures;
  let served: string[];
  const other = new JwtService({ secret: 'not-the-service-key-0123456789abcdef' });
  const own = new JwtService({ secret: TEST_JWT_SECRET });

  beforeAll(async () => {
    db = await createTestDatabase('authorization_matrix');
    api = await createApiTestApp(db, { RATE_LIMIT: '0', DEV_SIGN_IN: 'true' });
    served = servedRoutes(api);
    fixtures = await buildFixtures(api);
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const authorization = (caller: Caller): string | null => {
    const claims = { sub: 'matrix-caller', roles: ['admin'], ward: null };
    switch (caller.kind) {
      case 'role':
        return `Bearer ${api.token(caller.role, caller.ward === 'own' ? 'W01' : 'W02', `matrix-${caller.role}-${caller.ward}`)}`;
      case 'no token':
        return null;
      case 'expired token':
        return `Bearer ${own.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, { algorithm: 'HS256' })}`;
      case 'token signed with another key':
        return `Bearer ${other.sign(claims, { algorithm: 'HS256', expiresIn: '1h' })}`;
      case 'alg none': {
        const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        return `Bearer ${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
      }
    }
  };

  it('has an entry for every route the app serves', () => {
    const missing = served.filter((route) => !(route in AUTHORIZATION));
    expect({ missing }).toEqual({ missing: [] });
    expect(served.length).toBeGreaterThan(20);
  });

  it.each(CELLS.map((cell) => [cell.route, describeCaller(cell.caller), expected(cell.entry, cell.caller), cell] as const))(
    '%s as %s: %i',
    async (route, _who, status, { entry, caller }) => {
      if (!served.includes(route)) return; // an entry ahead of the code; the route test above guards the other way
      const method = route.split(' ')[0];
      const allowed = status === entry.ok;
      const { path, body } = await entry.request(fixtures, allowed && method === 'POST');
      const events = async () => (await db.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n as number;
      const before = await events();
      let request = method === 'POST' ? api.http.post(path) : api.http.get(path);
      const header = authorization(caller);
      if (header) request = request.set('Authorization', header);
      const response = await (body ? request.send(body) : request);
      expect({ route, status: response.status, body: response.status === status ? undefined : response.body }).toEqual({ route, status, body: undefined });
      if (status >= 400) {
        expect(response.headers['content-type']).toContain('application/problem+json');
        if (status === 401 || status === 403) expect(response.body.code).toBe(status === 401 ? 'unauthenticated' : 'forbidden');
        expect(await events()).toBe(before);
      }
    },
  );

  afterAll(() => {
    const run = CELLS.filter((cell) => served.includes(cell.route));
    console.log(`authorization matrix: ${served.length} routes x ${CALLERS.length} callers = ${run.length} cells`);
  });
});
