import type { Role } from '@lib/domain';
import { ApplicationFactory, nextCitizenId, submissionBody, type Stage } from './support/http-fixtures';

/** How a role may use an endpoint: on its own ward's resources only, or on any ward's. Absent: 403. */
export type Grant = 'own-ward' | 'any-ward';
export type Access = 'public' | Partial<Record<Role, Grant>>;

export interface Fixtures {
  applications: ApplicationFactory;
  /** An application in W01 that every refused request may reuse (a refusal changes nothing). */
  shared(stage: Stage): Promise<{ id: string; citizenId: string }>;
  /** Fraud alerts on W01 applications, one per allowed resolution. */
  takeAlert(): string;
  anyAlert(): string;
}

export interface Entry {
  access: Access;
  /** The answer to an allowed caller. */
  ok: number;
  /** The request; `fresh` when the caller is allowed and the request changes state (needs its own resource). */
  request(fixtures: Fixtures, fresh: boolean): Promise<{ path: string; body?: object }>;
}

const WARD_OFFICERS: Role[] = ['intake-officer', 'village-reviewer', 'ward-approver', 'treasurer'];
const ANY_WARD_READERS: Role[] = ['auditor', 'inspector', 'admin', 'district-appraiser', 'social-insurance-officer', 'tax-officer', 'lender-officer', 'province-approver'];
const grant = (roles: Role[], how: Grant): Partial<Record<Role, Grant>> => Object.fromEntries(roles.map((role) => [role, how]));

/** API.md: a ward's officers read their own ward; audit, inspection and the levels above read every ward. */
const READ: Access = { ...grant(WARD_OFFICERS, 'own-ward'), ...grant(ANY_WARD_READERS, 'any-ward') };
/**
 * Personal data (API.md, Roles: read scope): ward officers their ward, auditors and inspectors
 * everything, admin nothing; the district and the province list what reached their step (the
 * list answers, filtered) but a submitted application has not reached it (read-scope spec).
 */
const PERSONAL_LIST: Access = { ...grant(WARD_OFFICERS, 'own-ward'), ...grant(['auditor', 'inspector', 'district-appraiser', 'social-insurance-officer', 'tax-officer', 'lender-officer', 'province-approver'], 'any-ward') };
const PERSONAL_SUBMITTED: Access = { ...grant(WARD_OFFICERS, 'own-ward'), ...grant(['auditor', 'inspector'], 'any-ward') };
const EVERYONE: Access = grant([...WARD_OFFICERS, ...ANY_WARD_READERS], 'any-ward');
const INSPECTION: Access = grant(['auditor', 'inspector'], 'any-ward');

const at = (stage: Stage) => async (f: Fixtures, fresh: boolean) => (fresh ? f.applications.create(stage) : f.shared(stage));
const staticPath = (path: string) => async () => ({ path });
/** One open W01 list that every refused request and every reader may reuse (a refusal changes nothing). */
let shared: Promise<string> | null = null;
const sharedList = (f: Fixtures): Promise<string> => (shared ??= f.applications.list('ward-approval'));
let decisions = 0;
let imported: Promise<string> | null = null;
const sharedImport = (f: Fixtures): Promise<string> => (imported ??= f.applications.importOne());

/**
 * THE authorization table: every route the API serves, who may call it, and how to call it.
 * The matrix test crosses it with every role, own ward and other ward, and four bad tokens;
 * a route the app serves without an entry here fails that test.
 */
export const AUTHORIZATION: Record<string, Entry> = {
  // Commands (API.md): the role the programme names for the step, in its own ward.
  'POST /applications': { access: { 'intake-officer': 'own-ward' }, ok: 201, request: async () => ({ path: '/applications', body: submissionBody(nextCitizenId('0991')) }) },
  'POST /applications/:id/village-review': {
    access: { 'village-reviewer': 'own-ward' }, ok: 200,
    request: async (f, fresh) => ({ path: `/applications/${(await at('submitted')(f, fresh)).id}/village-review`, body: { outcome: 'confirmed', minutesRef: 'BB-02' } }),
  },
  'POST /applications/:id/steps/:step': {
    access: { 'intake-officer': 'own-ward' }, ok: 200,
    request: async (f, fresh) => ({ path: `/applications/${(await at('reviewed')(f, fresh)).id}/steps/public-posting`, body: { outcome: 'completed', reference: 'Bảng tin', postedFrom: '2020-05-18', postedUntil: '2020-05-20' } }),
  },
  'POST /applications/:id/ward-approval': {
    access: { 'ward-approver': 'own-ward' }, ok: 200,
    request: async (f, fresh) => ({ path: `/applications/${(await at('posted')(f, fresh)).id}/ward-approval`, body: { decision: 'approved' } }),
  },
  'POST /applications/:id/payment': {
    access: { treasurer: 'own-ward' }, ok: 200,
    request: async (f, fresh) => ({ path: `/applications/${(await at('decided')(f, fresh)).id}/payment`, body: { amount: 2_000_000, method: 'bank', reference: 'UNC-7' } }),
  },
  'POST /applications/:id/withdrawal': {
    access: { 'intake-officer': 'own-ward' }, ok: 200,
    request: async (f, fresh) => ({ path: `/applications/${(await at('submitted')(f, fresh)).id}/withdrawal`, body: { reason: 'the applicant found work' } }),
  },
  'POST /applications/:id/recovery': {
    access: { inspector: 'any-ward' }, ok: 200,
    request: async (f, fresh) => ({ path: `/applications/${(await at('paid')(f, fresh)).id}/recovery`, body: { action: 'ordered', amount: 1_000_000, reason: 'F13 confirmed' } }),
  },
  'POST /alerts/:id/resolution': {
    access: { inspector: 'any-ward' }, ok: 200,
    request: async (f, fresh) => ({ path: `/alerts/${fresh ? f.takeAlert() : f.anyAlert()}/resolution`, body: { outcome: 'dismissed', note: 'a family sharing one account' } }),
  },
  // Lists and decisions: the role of the list's step, in its own ward; a decision is the province's.
  'POST /lists': {
    access: { 'ward-approver': 'own-ward' }, ok: 201,
    request: async (f, fresh) => ({ path: '/lists', body: { programme: 'nq42-2020', category: '4', ward: 'W01', step: 'ward-approval', applicationIds: [(await at('posted')(f, fresh)).id] } }),
  },
  'POST /lists/:id/steps/:step': {
    access: { 'ward-approver': 'own-ward' }, ok: 200,
    request: async (f, fresh) => ({ path: `/lists/${fresh ? await f.applications.list('ward-approval') : await sharedList(f)}/steps/ward-approval`, body: { outcome: 'completed' } }),
  },
  'POST /decisions': {
    access: { 'province-approver': 'any-ward' }, ok: 201,
    request: async (f, fresh) => ({
      path: '/decisions',
      body: { programme: 'nq42-2020', decisionNo: `${(decisions += 1)}/QĐ-UBND`, decidedOn: '2020-05-25', listIds: [fresh ? await f.applications.list('provincial-decision') : await sharedList(f)] },
    }),
  },
  // An upload as JSON is 415 to the one allowed (own-ward intake officer): authorization came first.
  'POST /imports': { access: { 'intake-officer': 'own-ward' }, ok: 415, request: async () => ({ path: '/imports?ward=W01', body: { programme: 'nq42-2020' } }) },
  'GET /imports/:id': { access: PERSONAL_SUBMITTED, ok: 200, request: async (f) => ({ path: `/imports/${await sharedImport(f)}` }) },
  // An import's progress is its officer's own (by the id the client chose): an unknown id is 404 to an intake officer, 403 to the rest.
  'GET /imports/progress/:id': { access: { 'intake-officer': 'any-ward' }, ok: 404, request: staticPath('/imports/progress/7b0c5a52-7a4e-4b0e-9d0c-4f1e2a3b4c5d') },
  'GET /imports/:id/report.xlsx': { access: PERSONAL_SUBMITTED, ok: 200, request: async (f) => ({ path: `/imports/${await sharedImport(f)}/report.xlsx` }) },
  'GET /programmes/:id/categories/:code/template.xlsx': { access: EVERYONE, ok: 200, request: staticPath('/programmes/nq42-2020/categories/4/template.xlsx') },
  'GET /lists/:id/payment-list.:format': {
    access: { treasurer: 'own-ward', auditor: 'any-ward', inspector: 'any-ward' }, ok: 200, request: async (f) => ({ path: `/lists/${await sharedList(f)}/payment-list.xlsx` }),
  },
  // As for imports: an upload sent as JSON is 415 to the one allowed, after authorization.
  'POST /payments/imports': { access: { treasurer: 'own-ward' }, ok: 415, request: async () => ({ path: '/payments/imports?ward=W01', body: { amount: 1 } }) },
  'GET /reconciliation': { access: { treasurer: 'own-ward', auditor: 'any-ward', inspector: 'any-ward' }, ok: 200, request: staticPath('/reconciliation?ward=W01') },
  'GET /lists/:id/applications': { access: PERSONAL_SUBMITTED, ok: 200, request: async (f) => ({ path: `/lists/${await sharedList(f)}/applications` }) },
  'GET /lists/:id': { access: PERSONAL_SUBMITTED, ok: 200, request: async (f) => ({ path: `/lists/${await sharedList(f)}` }) },

  // Queries.
  'GET /applications': { access: PERSONAL_LIST, ok: 200, request: staticPath('/applications?ward=W01') },
  'GET /applications/:id': { access: PERSONAL_SUBMITTED, ok: 200, request: async (f) => ({ path: `/applications/${(await f.shared('submitted')).id}` }) },
  'GET /applications/:id/history': { access: PERSONAL_SUBMITTED, ok: 200, request: async (f) => ({ path: `/applications/${(await f.shared('submitted')).id}/history` }) },
  'GET /applications/:id/state': { access: INSPECTION, ok: 200, request: async (f) => ({ path: `/applications/${(await f.shared('submitted')).id}/state?version=1` }) },
  'GET /applications.csv': { access: PERSONAL_LIST, ok: 200, request: staticPath('/applications.csv?ward=W01') },
  'GET /dashboards/wards/:ward': { access: READ, ok: 200, request: staticPath('/dashboards/wards/W01') },
  'GET /overdue-steps': { access: READ, ok: 200, request: staticPath('/overdue-steps?ward=W01') },
  'GET /programmes': { access: EVERYONE, ok: 200, request: staticPath('/programmes') },
  'GET /programmes/:id': { access: EVERYONE, ok: 200, request: staticPath('/programmes/nq42-2020') },
  'GET /beneficiaries/:citizenId': { access: INSPECTION, ok: 200, request: async (f) => ({ path: `/beneficiaries/${(await f.shared('submitted')).citizenId}` }) },
  'GET /alerts': { access: INSPECTION, ok: 200, request: staticPath('/alerts') },
  'GET /alerts/:id': { access: INSPECTION, ok: 200, request: async (f) => ({ path: `/alerts/${f.anyAlert()}` }) },
  'GET /alerts.csv': { access: INSPECTION, ok: 200, request: staticPath('/alerts.csv') },
  'GET /officers/:officerId/activity': { access: INSPECTION, ok: 200, request: staticPath('/officers/fixture-intake-officer-1/activity?from=2020-04-01&to=2020-06-30') },
  // The log's signed checkpoints (docs/ANCHORS.md); position 0 never has one, so the allowed answer there is 404.
  'GET /anchors': { access: INSPECTION, ok: 200, request: staticPath('/anchors?after=0') },
  'GET /anchors/keys': { access: INSPECTION, ok: 200, request: staticPath('/anchors/keys') },
  'GET /anchors/:position/streams': { access: INSPECTION, ok: 404, request: staticPath('/anchors/0/streams') },

  // Operations and documentation: no token needed, none looked at.
  'GET /health': { access: 'public', ok: 200, request: staticPath('/health') },
  'GET /health/live': { access: 'public', ok: 200, request: staticPath('/health/live') },
  'GET /health/ready': { access: 'public', ok: 200, request: staticPath('/health/ready') },
  'GET /metrics': { access: 'public', ok: 200, request: staticPath('/metrics') },
  'GET /docs': { access: 'public', ok: 200, request: staticPath('/docs') },
  'GET /docs/': { access: 'public', ok: 200, request: staticPath('/docs/') },
  'GET /docs/index.html': { access: 'public', ok: 200, request: staticPath('/docs/index.html') },
  'GET /docs/json': { access: 'public', ok: 200, request: staticPath('/docs/json') },
  'GET /docs-yaml': { access: 'public', ok: 200, request: staticPath('/docs-yaml') },
  'GET /docs/swagger-ui-init.js': { access: 'public', ok: 200, request: staticPath('/docs/swagger-ui-init.js') },
  'GET /docs/docs/swagger-ui-init.js': { access: 'public', ok: 200, request: staticPath('/docs/docs/swagger-ui-init.js') },
  'GET /docs/*': { access: 'public', ok: 200, request: staticPath('/docs/swagger-ui.css') },
  'GET /console': { access: 'public', ok: 302, request: staticPath('/console') },
  // The console's files; a name it does not have is a 404 (problem+json), built or not.
  'GET /console/*': { access: 'public', ok: 404, request: staticPath('/console/no-such-file.txt') },
  // swagger-ui registers the route, but swagger-ui-dist ships no such file: 404 to everyone alike.
  'GET /docs/LICENSE': { access: 'public', ok: 404, request: staticPath('/docs/LICENSE') },

  // Development sign-in for the console: trial mode (or DEV_SIGN_IN=true) only, public by design.
  'GET /dev/token': { access: 'public', ok: 200, request: staticPath('/dev/token') },
  'POST /dev/token': { access: 'public', ok: 201, request: async () => ({ path: '/dev/token', body: { role: 'auditor' } }) },
};
