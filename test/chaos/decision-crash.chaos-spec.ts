import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { Actor, Role } from '@lib/domain';
import { SubmitSupportApplicationCommand, SupportListWriter, type CommandContext } from '@lib/application';
import { createTestDatabase, createWriteSideApp, type TestDatabase } from '@lib/testing';
import { eventually, startService, type ServiceProcess } from './support/service-process';
import { freePort } from './support/throwaway-cluster';

const WARDS = ['W01', 'W02', 'W03', 'W04'];
const PER_WARD = 400;
const KILLS = 5;
const API = 'relief-chaos-decision-api';

/**
 * kill -9 the API while it writes one provincial decision over the lists of four wards: the
 * decision is one append, so afterwards the log holds all of it (every application's decision,
 * every list's act, the decision itself, in one transaction) or none of it, never a part.
 */
describe('A provincial decision, its process killed mid-write', () => {
  let db: TestDatabase;
  let api: ServiceProcess | null = null;
  let base = '';
  const lists: string[] = [];
  const jwt = new JwtService({ secret: 'relief-ledger-chaos-secret-0123456789' });
  const chairman = jwt.sign({ sub: 'chairman-son', roles: ['province-approver'], ward: null }, { algorithm: 'HS256', expiresIn: '1h' });

  const actor = (role: Role, ward: string | null): Actor => ({ id: `${role}-${ward ?? 'province'}`, roles: [role], ward });
  const context = (who: Actor): CommandContext => ({ actor: who, commandId: randomUUID(), correlationId: randomUUID() });

  beforeAll(async () => {
    db = await createTestDatabase('chaos_decision', 8);
    const writer = await createWriteSideApp(db);
    try {
      writer.clock.set('2020-05-25T03:00:00.000Z');
      const listWriter = writer.module.get(SupportListWriter);
      let serial = 0;
      for (const ward of WARDS) {
        const ids: string[] = [];
        for (let batch = 0; batch < PER_WARD / 40; batch += 1) {
          ids.push(
            ...(await Promise.all(
              Array.from({ length: 40 }, async () => {
                const citizenId = `0790${String((serial += 1)).padStart(8, '0')}`;
                const applicant = { citizenId, fullName: 'Phạm Văn Chín', dateOfBirth: '1979-03-03', ward, address: `Tổ 2, ${ward}` };
                const claim = { months: ['2020-04', '2020-05'], occupation: 'street-vendor', jobLostOn: '2020-04-01', monthlyIncome: 0 };
                const result = await writer.commands.execute(new SubmitSupportApplicationCommand(randomUUID(), 'nq42-2020', '4', applicant, claim, context(actor('intake-officer', ward))));
                return result.id;
              }),
            )),
          );
        }
        // Every earlier step as a list act too, so the set-up is what the offices would do.
        const steps: [string, Actor, object][] = [
          ['village-review', actor('village-reviewer', ward), { reference: 'BB-01' }],
          ['public-posting', actor('intake-officer', ward), { reference: 'Bảng tin', postedFrom: '2020-05-18', postedUntil: '2020-05-20' }],
          ['ward-approval', actor('ward-approver', ward), {}],
          ['district-appraisal', actor('district-appraiser', null), { reference: 'TĐ-3' }],
        ];
        for (const [step, who, extra] of steps) {
          const listId = randomUUID();
          await listWriter.compile({ listId, programmeId: 'nq42-2020', category: '4', ward, step, applicationIds: ids }, context(who));
          await listWriter.act(listId, { step, ...extra }, context(who));
        }
        const decisionList = randomUUID();
        await listWriter.compile({ listId: decisionList, programmeId: 'nq42-2020', category: '4', ward, step: 'provincial-decision', applicationIds: ids }, context(actor('province-approver', null)));
        lists.push(decisionList);
      }
    } finally {
      await writer.close();
    }
  });
  afterAll(async () => {
    if (api && api.child.exitCode === null) api.child.kill('SIGKILL');
    await db?.drop();
  });

  const start = async () => {
    const port = await freePort(4090);
    base = `http://127.0.0.1:${port}`;
    const url = `${db.url}${db.url.includes('?') ? '&' : '?'}application_name=${API}`;
    // 400 events per statement: the decision's append (about 1,600 events) is a transaction of several statements, killed in any of them.
    api = startService('api', { DATABASE_URL: url, PORT: String(port), RUN: 'api', RATE_LIMIT: '0', DEMO_APPLICATIONS: '0', DB_POOL_SIZE: '4', APPEND_STATEMENT_EVENTS: '400' });
    const running = api;
    await eventually('the API to listen', async () => {
      if (running.child.exitCode !== null) throw new Error(`the API exited:\n${running.output()}`);
      return fetch(`${base}/health/live`).then((r) => r.ok, () => false);
    }, 120_000, 100);
  };

  const decide = (decisionNo: string) =>
    fetch(`${base}/decisions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${chairman}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ programme: 'nq42-2020', decisionNo, decidedOn: '2020-05-25', listIds: lists }),
    });

  /** The API's session is inside the decision's append: one of the statements that write the log, or between them in its transaction. */
  const appending = async () =>
    (
      await db.pool.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = $2
            AND ((state = 'active' AND (query LIKE 'WITH heads%' OR query LIKE 'INSERT INTO events%')) OR state = 'idle in transaction')`,
        [db.name, API],
      )
    ).rows[0].n > 0;

  const carried = async (decisionNo: string) =>
    (await db.pool.query(`SELECT count(*)::int AS events, count(DISTINCT transaction_id)::int AS transactions FROM events WHERE metadata->>'decisionNo' = $1`, [decisionNo])).rows[0] as { events: number; transactions: number };

  // Each application's decision, each list's act, and the decision itself.
  const WHOLE = WARDS.length * PER_WARD + WARDS.length + 1;

  it(`finds all or none of the decision in the log after ${KILLS} kills mid-write, and the decision is recorded once in the end`, async () => {
    const outcomes: string[] = [];
    for (let kill = 1; kill <= KILLS; kill += 1) {
      await start();
      const decisionNo = `${kill}/QĐ-UBND`;
      let answeredYet = false;
      const request = decide(decisionNo).then(
        (response) => response.status,
        () => 'connection lost',
      ).finally(() => (answeredYet = true));
      // Kill when the append is running; if the request got through first, kill anyway.
      await eventually('the decision to start appending', async () => answeredYet || (await appending()), 120_000, 2);
      const killedWhileAppending = await appending();
      api!.child.kill('SIGKILL');
      await api!.exited;
      const answered = await request;
      // Wait for PostgreSQL to finish or abort what the dead client left behind.
      await eventually('the killed session to end', async () => (await db.pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = $2 AND state = 'active'`, [db.name, API])).rows[0].n === 0, 60_000, 20);
      const { events, transactions } = await carried(decisionNo);
      outcomes.push(`${decisionNo}: ${events} events (${killedWhileAppending ? 'killed while appending' : 'killed'}; answer ${answered})`);
      expect([0, WHOLE]).toContain(events);
      if (events > 0) {
        expect(transactions).toBe(1);
        break; // recorded: the lists are no longer open for another number
      }
    }
    console.log(`decision crash: ${outcomes.join('; ')}`);

    // Whatever happened, the decision can now be made (or was made) exactly once.
    await start();
    const recorded = (await db.pool.query(`SELECT count(*)::int AS n FROM events WHERE type = 'ProvincialDecisionRecorded'`)).rows[0].n;
    if (recorded === 0) expect((await decide('99/QĐ-UBND')).status).toBe(201);
    expect((await decide('100/QĐ-UBND')).status).toBe(409);
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM events WHERE type = 'ProvincialDecisionRecorded'`)).rows[0].n).toBe(1);
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM events WHERE type = 'SupportApplicationDecided' AND metadata->>'decisionNo' IS NOT NULL`)).rows[0].n).toBe(WARDS.length * PER_WARD);
    api!.child.kill('SIGTERM');
    await api!.exited;
  });
});
