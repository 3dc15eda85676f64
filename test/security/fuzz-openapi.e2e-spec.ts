import fc from 'fast-check';
import type { Role } from '@lib/domain';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';
import { AUTHORIZATION, type Fixtures } from './authorization-table';
import { buildFixtures } from './support/matrix-fixtures';
import { anyText, declaredProperties, percentEncode, toJson, parameterValue, propertyValue, resolve, type OpenApiDocument, type Operation } from './support/openapi-arbitraries';

/** Requests per operation: a few hundred at most in all, on CI's two cores. */
const RUNS_PER_OPERATION = 60;
const SEED = 20201201;

/** Operations not worth fuzzing: documentation and the console's static files (no parameters, no bodies). */
const SKIPPED = /^\/(docs|console|health|metrics)/;

const setAt = (root: unknown, path: string[], value: unknown): unknown => {
  if (path.length === 0) return value;
  const copy: Record<string, unknown> = Array.isArray(root) ? ([...root] as never) : { ...((root ?? {}) as object) };
  copy[path[0]] = setAt(copy[path[0]], path.slice(1), value);
  return copy;
};

/**
 * A fuzzer generated from the OpenAPI document: for every operation, each query and path
 * parameter it declares and each property of its body DTO (nested DTOs included) gets values
 * from the whole Unicode range (lone surrogates and NUL among them), dates the calendar lacks,
 * integers past every boundary, crafted cursors, nesting and sizes at the extremes, and the
 * caller's token a ward of any text. Never a 5xx; every refusal problem+json.
 */
describe('Fuzzing every operation of the OpenAPI document, per parameter and per DTO property', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  let fixtures: Fixtures;
  let document: OpenApiDocument;
  const statuses: Record<number, number> = {};

  beforeAll(async () => {
    db = await createTestDatabase('fuzz_openapi');
    api = await createApiTestApp(db, { RATE_LIMIT: '0', DEV_SIGN_IN: 'true' });
    fixtures = await buildFixtures(api);
    document = (await api.http.get('/docs/json')).body;
  }, 300_000);
  afterAll(async () => {
    console.log(`fuzz openapi: statuses ${JSON.stringify(statuses)}`);
    await api?.close();
    await db?.drop();
  });

  const operations = (): [string, string, Operation][] =>
    Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => [method.toUpperCase(), path, operation] as [string, string, Operation]));

  it('the document lists the operations this suite fuzzes', () => {
    const fuzzed = operations().filter(([, path]) => !SKIPPED.test(path));
    expect(fuzzed.length).toBeGreaterThan(20);
  });

  it('answers every generated request without a 5xx, refusals as problem+json', async () => {
    for (const [method, path, operation] of operations().filter(([, p]) => !SKIPPED.test(p))) {
      const route = `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
      const entry = AUTHORIZATION[route];
      const sample = entry ? await entry.request(fixtures, false) : { path, body: undefined as object | undefined };
      const [samplePath, sampleQuery] = sample.path.split('?');
      const allowed = entry && entry.access !== 'public' ? (Object.keys(entry.access)[0] as Role) : null;
      const parameters = operation.parameters ?? [];
      const query = parameters.filter((parameter) => parameter.in === 'query');
      const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
      const bodySchema = resolve(document, Object.values(operation.requestBody?.content ?? {})[0]?.schema);
      const properties = bodySchema ? declaredProperties(document, bodySchema) : [];

      const arbitrary = fc.record({
        query: fc.array(fc.constantFrom(...(query.length ? query : [{ name: 'x', in: 'query' as const }])).chain((parameter) => parameterValue(parameter).map((value) => [parameter.name, value] as const)), { maxLength: 3 }),
        keepQuery: fc.boolean(),
        path: fc.array(fc.option(fc.constantFrom(...(pathParameters.length ? pathParameters : [{ name: 'x', in: 'path' as const }])).chain((parameter) => parameterValue(parameter)), { nil: null, freq: 2 }), { minLength: 3, maxLength: 3 }),
        mutations: fc.array(fc.constantFrom(...(properties.length ? properties : [[['x'], undefined]] as typeof properties)).chain(([at, schema]) => propertyValue(at[at.length - 1], schema).map((value) => [at, value] as const)), { minLength: 1, maxLength: 3 }),
        ward: fc.option(anyText(12), { nil: null, freq: 4 }),
      });

      await fc.assert(
        fc.asyncProperty(arbitrary, async (draw) => {
          let cursor = 0;
          const concrete = samplePath.split('/').map((segment, index) => {
            const template = path.split('/')[index];
            if (!template?.startsWith('{')) return segment;
            const replacement = draw.path[cursor++ % 3];
            return replacement === null ? segment : percentEncode(replacement);
          });
          const params = new Map(draw.keepQuery ? new URLSearchParams(sampleQuery ?? '') : []);
          for (const [name, value] of draw.query) params.set(name, value);
          const query = [...params].map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');
          const url = `${concrete.join('/')}${query ? `?${query}` : ''}`;
          let request = method === 'POST' ? api.http.post(url) : api.http.get(url);
          if (allowed) request = request.set('Authorization', `Bearer ${api.token(allowed, draw.ward ?? 'W01', `fuzz-${allowed}`)}`);
          let response;
          if (method === 'POST') {
            const body = draw.mutations.reduce<unknown>((current, [at, value]) => setAt(current, at, value), sample.body ?? {});
            // Built by hand: JSON.stringify would itself recurse 20,000 levels deep.
            response = await request.set('Content-Type', 'application/json').send(toJson(body));
          } else response = await request;
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          if (response.status >= 500) throw new Error(`${route}: ${url.slice(0, 300)} answered ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
          if (response.status >= 400 && !String(response.headers['content-type']).startsWith('application/problem+json')) {
            throw new Error(`${route}: ${url.slice(0, 300)} answered ${response.status} as ${response.headers['content-type']}`);
          }
        }),
        { numRuns: RUNS_PER_OPERATION, seed: SEED, endOnFailure: true, reporter: (details) => { if (details.failed) throw new Error(`${route}: ${String(details.errorInstance).slice(0, 600)} (seed ${details.seed}, path ${details.counterexamplePath})`); } },
      );
    }
  }, 600_000);
});
