import { ROLES, type Role } from '@lib/domain';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { READ_SCOPE } from '../../apps/api/src/auth/read-access';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';
import { ApplicationFactory, type Stage } from './support/http-fixtures';

/** API.md (Roles: read scope), as a table: who reads which application's personal data. */
const CONTRACT: Record<Role, string> = {
  'intake-officer': 'own-ward',
  'village-reviewer': 'own-ward',
  'ward-approver': 'own-ward',
  treasurer: 'own-ward',
  'district-appraiser': 'reached:district-appraisal',
  'province-approver': 'reached:provincial-decision',
  'social-insurance-officer': 'reached:social-insurance-confirmation',
  'tax-officer': 'reached:tax-appraisal',
  'lender-officer': 'reached:loan-approval',
  auditor: 'all',
  inspector: 'all',
  admin: 'none',
};

/** Stages of the category 4 workflow, with the steps each has reached (awaiting or past). */
const STAGES: [Stage, string[]][] = [
  ['submitted', []],
  ['approved', ['district-appraisal']],
  ['appraised', ['district-appraisal', 'provincial-decision']],
  ['paid', ['district-appraisal', 'provincial-decision']],
];

const mayRead = (role: Role, ward: 'own' | 'other', reached: string[]): boolean => {
  const scope = CONTRACT[role];
  if (scope === 'all') return true;
  if (scope === 'none') return false;
  if (scope === 'own-ward') return ward === 'own';
  return reached.includes(scope.replace('reached:', ''));
};

const CASES = ROLES.filter((role) => role in CONTRACT).flatMap((role) =>
  STAGES.flatMap(([stage, reached]) => (['own', 'other'] as const).map((ward) => ({ role, stage, ward, allowed: mayRead(role, ward, reached) }))),
);

/** Every role x stage x own/other ward, generated from the contract's table: the application, its history, the list and the CSV. */
describe('Read scope of personal data (generated from the contract\'s table)', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  const ids = new Map<Stage, string>();

  beforeAll(async () => {
    db = await createTestDatabase('read_scope');
    api = await createApiTestApp(db, { RATE_LIMIT: '0' });
    const factory = new ApplicationFactory(api);
    for (const [stage] of STAGES) ids.set(stage, (await factory.create(stage, { ward: 'W03' })).id);
    await api.settle();
  }, 300_000);
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('the authorization code carries the contract\'s table', () => {
    const code = Object.fromEntries(Object.entries(READ_SCOPE).map(([role, scope]) => [role, typeof scope === 'object' ? `reached:${scope.reachedStep}` : scope]));
    expect(code).toEqual(CONTRACT);
  });

  it.each(CASES.map((c) => [c.role, c.stage, c.ward, c.allowed ? 'reads' : 'may not read', c] as const))('%s, a %s application of the %s ward: %s', async (_r, _s, _w, _a, { role, stage, ward, allowed }) => {
    const id = ids.get(stage)!;
    const token = `Bearer ${api.token(role, ward === 'own' ? 'W03' : 'W04', `scope-${role}`)}`;
    const one = await api.http.get(`/applications/${id}`).set('Authorization', token);
    const history = await api.http.get(`/applications/${id}/history`).set('Authorization', token);
    expect([one.status, history.status]).toEqual(allowed ? [200, 200] : [403, 403]);
    const list = await api.http.get('/applications').query({ ward: 'W03', limit: 200 }).set('Authorization', token);
    const listed = list.status === 200 && list.body.items.some((item: { id: string }) => item.id === id);
    expect(listed).toBe(allowed);
    const csv = await api.http.get('/applications.csv').query({ ward: 'W03' }).set('Authorization', token);
    expect(csv.status === 200 && csv.text.includes(id)).toBe(allowed);
  });
});
