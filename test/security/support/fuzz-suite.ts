import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../../support/api-test-app';
import { buildFixtures, servedRoutes } from './matrix-fixtures';
import { fuzzRequests, send, type FuzzRequest } from './fuzz-requests';

/**
 * `runs` random and malformed requests to the routes `select` picks (every route the app serves,
 * discovered from its router, so new endpoints are fuzzed too). Properties: never a 5xx, every
 * error is problem+json, and a refused request appends nothing to the log.
 */
export const describeFuzz = (name: string, select: (route: string) => boolean, runs: number, seed: number) =>
  describe(`Fuzzing ${name}`, () => {
    let db: TestDatabase;
    let api: ApiTestApp;
    let arbitrary: fc.Arbitrary<FuzzRequest>;
    let routes: string[];
    let http: ApiTestApp['http'];

    beforeAll(async () => {
      db = await createTestDatabase(`fuzz_${name.replace(/\W+/g, '_')}`);
      api = await createApiTestApp(db, { RATE_LIMIT: '0', DEV_SIGN_IN: 'true' });
      const fixtures = await buildFixtures(api);
      routes = servedRoutes(api).filter(select);
      arbitrary = await fuzzRequests(api, fixtures, routes);
      // One listening server for all the requests (supertest would otherwise open and close one per request).
      await api.app.listen(0, '127.0.0.1');
      http = request(`http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`);
    });
    afterAll(async () => {
      await api.close();
      await db.drop();
    });

    const head = async () => Number((await db.pool.query('SELECT coalesce(max(global_position), 0) AS head FROM events')).rows[0].head);

    // Alone all the runs take well under a minute. On a machine busy with every other suite the
    // property stops at a time budget instead of the test's limit, and must still have sent many.
    const budgetMs = 150_000;
    const atLeast = Math.min(runs, 1_000);
    it(`answers up to ${runs} random and malformed requests (at least ${atLeast}) without a 5xx, and refusals append nothing`, async () => {
      const statuses: Record<number, number> = {};
      let sent = 0;
      // Requests go one at a time, so the log's head moves only with an accepted one.
      let known = await head();
      await fc.assert(
        fc.asyncProperty(arbitrary, async (fuzzed) => {
          const response = await send(http, fuzzed);
          sent += 1;
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          if (response.status >= 500) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
          const now = await head();
          if (response.status >= 400) {
            if (!String(response.headers['content-type']).startsWith('application/problem+json')) throw new Error(`a ${response.status} that is not problem+json: ${response.headers['content-type']}`);
            if (now !== known) throw new Error(`a refused request (${response.status} ${response.body.code}) appended events ${known + 1}..${now}`);
          }
          known = now;
        }),
        { numRuns: runs, seed, endOnFailure: true, interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false },
      );
      expect(sent).toBeGreaterThanOrEqual(atLeast);
      console.log(`fuzz ${name}: ${sent} requests over ${routes.length} routes; statuses ${JSON.stringify(statuses)}`);
    }, 240_000);
  });
