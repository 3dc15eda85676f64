import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { ROLES } from '@lib/domain';
import type { ApiTestApp } from '../../support/api-test-app';
import { AUTHORIZATION, type Fixtures } from '../authorization-table';

/** Strings that have broken services before: SQL, formulas, paths, control and odd Unicode, sizes. */
export const NASTY_STRINGS = [
  "'; DROP TABLE events; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(10)',
  '$1',
  '%',
  '_',
  '\\',
  '=HYPERLINK("http://evil","x")',
  '+cmd|/C calc!A0',
  '-2+3',
  '@SUM(1)',
  '../../../etc/passwd',
  '\u0000',
  '\u202e\u0645',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂',
  '__proto__',
  'constructor',
  '{"$gt":""}',
  'x'.repeat(5000),
  '',
  ' ',
  'null',
  'NaN',
  '-1',
  '0',
  '99999999999999999999999',
  '2020-02-30',
  '9999-99-99',
];

const nasty = fc.constantFrom(...NASTY_STRINGS);
const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 2, arbitrary: nasty },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, true, false, null, [], {}) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

/** Every path to a value inside a JSON template, for targeted mutations. */
const pathsOf = (value: unknown, prefix: string[] = []): string[][] => {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
};

const setAt = (root: unknown, path: string[], replacement: unknown): unknown => {
  if (path.length === 0) return replacement;
  // Not [...root]: an earlier mutation may have set an array's __proto__ to a plain object, leaving it no iterator.
  const copy: Record<string, unknown> = Array.isArray(root) ? (Array.prototype.slice.call(root) as never) : { ...(root as object) };
  const [head, ...rest] = path;
  if (rest.length === 0 && replacement === undefined) delete copy[head];
  else copy[head] = setAt(copy[head], rest, replacement);
  return copy;
};

/** A valid body with up to three values replaced, removed or added at random. */
const mutated = (template: object): fc.Arbitrary<unknown> => {
  const paths = pathsOf(template);
  const mutation = fc.tuple(fc.constantFrom(...paths), fc.option(weirdValue, { nil: undefined }), fc.option(fc.constantFrom('extra', 'amount', '__proto__', 'id', 'status'), { nil: undefined }));
  return fc.array(mutation, { maxLength: 3 }).map((mutations) =>
    mutations.reduce<unknown>((body, [path, value, added]) => (added ? setAt(body, [...path.slice(0, -1), added], value ?? 'x') : setAt(body, path, value)), template),
  );
};

export interface FuzzRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  authorization: string | null;
  contentType: string | null;
  idempotencyKey: string | null;
  ifMatch: string | null;
  /** A string is sent as is (malformed JSON, wrong media type); anything else as JSON. */
  body: unknown;
}

/** The value from `arbitrary` one time in `every`, null otherwise. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 1, arbitrary }, { weight: every - 1, arbitrary: fc.constant(null) });

const QUERY_KEYS = ['ward', 'status', 'category', 'cursor', 'limit', 'asOf', 'version', 'from', 'to', 'rule', 'severity', 'step', 'outcome', 'x'];

/**
 * Requests to the given routes: the table's own request with its body mutated, its path
 * parameters replaced by ids of real applications and alerts, random ids or hostile strings,
 * random query strings, any role's token or a broken one, and bodies that are not JSON at all.
 */
export const fuzzRequests = async (api: ApiTestApp, fixtures: Fixtures, routes: string[]): Promise<fc.Arbitrary<FuzzRequest>> => {
  const applications = [];
  for (const stage of ['submitted', 'reviewed', 'posted', 'approved', 'decided', 'paid'] as const) applications.push(await fixtures.shared(stage));
  const ids = [...applications.map((a) => a.id), ...applications.map((a) => a.citizenId), fixtures.anyAlert()];
  const templates = await Promise.all(
    routes.map(async (route) => {
      const entry = AUTHORIZATION[route];
      const sample = entry ? await entry.request(fixtures, false) : { path: route.split(' ')[1] };
      const allowed = entry && entry.access !== 'public' ? (Object.keys(entry.access)[0] as (typeof ROLES)[number]) : null;
      const token = allowed ? `Bearer ${api.token(allowed, 'W01', `fuzz-allowed-${allowed}`)}` : null;
      return { route, method: route.split(' ')[0], path: sample.path, body: sample.body ?? {}, token };
    }),
  );
  const segment = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ids) },
    { weight: 2, arbitrary: fc.constant(null).map(() => randomUUID()) },
    { weight: 2, arbitrary: nasty },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
  );
  const token = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.subarray([...ROLES], { minLength: 1, maxLength: 2 }), fc.constantFrom('W01', 'W02', null)).map(([roles, ward]) => `Bearer ${api.token(roles, ward, `fuzz-${roles.join('+')}`)}`) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((garbage) => `Bearer ${garbage}`) },
    { weight: 1, arbitrary: fc.constantFrom('Basic YWRtaW46YWRtaW4=', 'Bearer', 'Bearer a.b.c', `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x","roles":["admin"]}').toString('base64url')}.`) },
  );
  return fc
    .record({
      template: fc.constantFrom(...templates),
      otherMethod: sometimes(fc.constantFrom('PUT', 'PATCH', 'DELETE', 'POST', 'GET'), 12),
      keepPath: fc.oneof({ weight: 2, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      segments: fc.array(segment, { minLength: 4, maxLength: 4 }),
      query: fc.dictionary(fc.constantFrom(...QUERY_KEYS), fc.oneof(weirdValue.map(String), fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 })), { maxKeys: 3 }),
      keepQuery: fc.boolean(),
      authorization: token,
      keepAuthorization: fc.boolean(),
      contentType: sometimes(fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/merge-patch+json', 'multipart/form-data'), 6),
      idempotencyKey: sometimes(fc.oneof(fc.string({ maxLength: 30 }), nasty, fc.uuid()), 4),
      ifMatch: sometimes(fc.oneof(fc.constantFrom('"1"', '"2"', 'W/"3"', '*', '"-1"', '"99999999999"'), fc.string({ maxLength: 10 })), 5),
      bodyKind: fc.constantFrom('mutated', 'mutated', 'mutated', 'any-json', 'malformed', 'none'),
      anyJson: fc.jsonValue({ maxDepth: 3 }),
      malformed: fc.constantFrom('{"programme": "nq42-2020",', '{', 'null', '"just a string"', '[1,2', '{"a":1}}', '\u0000\u0001', 'programme=nq42-2020&category=4'),
    })
    .chain((draw) =>
      mutated(draw.template.body as object).map((body): FuzzRequest => {
        let cursor = 0;
        const path = draw.keepPath ? draw.template.path.split('?')[0] : draw.template.route.split(' ')[1].replace(/:[A-Za-z]+/g, () => encodeURIComponent(String(draw.segments[cursor++ % 4])));
        const templateQuery = Object.fromEntries(new URLSearchParams(draw.template.path.split('?')[1] ?? ''));
        return {
          method: draw.otherMethod ?? draw.template.method,
          path,
          query: draw.keepQuery ? { ...templateQuery, ...draw.query } : draw.query,
          // Half the time the caller is one the route admits, so requests get past the guards.
          authorization: draw.keepAuthorization && draw.template.token ? draw.template.token : draw.authorization,
          contentType: draw.contentType,
          idempotencyKey: draw.idempotencyKey,
          ifMatch: draw.ifMatch,
          body: draw.bodyKind === 'mutated' ? body : draw.bodyKind === 'any-json' ? draw.anyJson : draw.bodyKind === 'malformed' ? draw.malformed : undefined,
        };
      }),
    );
};

/** Sends one fuzz request; header values Node refuses to send are dropped, not sent broken. */
export const send = (http: ApiTestApp['http'], request: FuzzRequest) => {
  const method = request.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let call = http[method](request.path).query(request.query as Record<string, string>);
  const header = (name: string, value: string | null) => {
    if (value !== null && /^[\t\x20-\x7e]*$/.test(value)) call = call.set(name, value);
  };
  header('Authorization', request.authorization);
  header('Idempotency-Key', request.idempotencyKey);
  header('If-Match', request.ifMatch);
  if (request.body === undefined) return call;
  header('Content-Type', request.contentType ?? 'application/json');
  return call.send(typeof request.body === 'string' ? request.body : JSON.stringify(request.body));
};
