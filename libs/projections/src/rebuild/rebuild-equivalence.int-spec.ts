import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { amountFor, findCategory, parseClaim, type Actor, type Role } from '@lib/domain';
import { EventStore } from '@lib/event-store';
import { SupportApplicationWriter, type CommandContext } from '@lib/application';
import {
  CATEGORIES,
  anApplicant,
  claimFor,
  createTestDatabase,
  createWriteSideApp,
  settleProjector,
  shippedCatalog,
  type TestDatabase,
  type WriteSideApp,
} from '@lib/testing';
import { Projector } from '../projector/projector';
import { registeredProjections } from '../projector/registered-projections';
import { ProjectionRebuilder } from './projection-rebuilder';

type Action = () => Promise<unknown>;

interface Script {
  category: (typeof CATEGORIES)[number];
  ward: 'W01' | 'W02';
  citizen: number;
  steps: number;
  rejectAt: number | null;
  withdraw: boolean;
  recover: boolean;
}

const catalog = shippedCatalog();

/** The commands one application goes through, as officers of the right role send them. */
const actionsFor = (writer: SupportApplicationWriter, script: Script): Action[] => {
  const programme = catalog('nq42-2020')!;
  const category = findCategory(programme, script.category)!;
  const id = randomUUID();
  const ctx = (role: Role, position: number): CommandContext => {
    const actor: Actor = { id: `${role}-${position}-${script.ward}`, roles: [role], ward: ['district-appraiser', 'province-approver', 'inspector'].includes(role) ? null : script.ward };
    return { actor, commandId: randomUUID(), correlationId: id };
  };
  const raw = claimFor(script.category);
  const applicant = anApplicant({ citizenId: `02009000${String(script.citizen).padStart(4, '0')}`, ward: script.ward });
  const actions: Action[] = [
    () => writer.execute(id, ctx('intake-officer', 0), (now) => ({ type: 'SubmitSupportApplication', data: { applicationId: id, programmeId: 'nq42-2020', category: script.category, applicant, claim: raw }, metadata: { actor: ctx('intake-officer', 0).actor, now } })),
  ];
  category.steps.slice(1, 1 + script.steps).forEach((step, index) => {
    const position = index + 1;
    const context = ctx(step.role, position);
    if (step.kind === 'payment') {
      const claim = parseClaim(category, raw);
      actions.push(() => writer.execute(id, context, (now) => ({ type: 'RecordSupportPayment', data: { applicationId: id, amount: amountFor(category, claim, claim.months), method: 'cash', reference: 'PC-1' }, metadata: { actor: context.actor, now } })));
      return;
    }
    const rejected = script.rejectAt === position && step.kind !== 'posting';
    actions.push(() => writer.execute(id, context, (now) => ({
      type: 'PerformSupportStep',
      data: { applicationId: id, step: step.name, outcome: rejected ? 'rejected' : 'completed', reason: rejected ? 'not eligible' : undefined, decisionNo: '9/QĐ-UBND', postedFrom: '2020-05-18', postedUntil: '2020-05-19' },
      metadata: { actor: context.actor, now },
    })));
  });
  if (script.withdraw) {
    const context = ctx('intake-officer', 0);
    actions.push(() => writer.execute(id, context, (now) => ({ type: 'WithdrawSupportApplication', data: { applicationId: id, reason: 'moved away' }, metadata: { actor: context.actor, now } })));
  }
  if (script.recover) {
    const context = ctx('inspector', 99);
    actions.push(() => writer.execute(id, context, (now) => ({ type: 'RecordSupportRecovery', data: { applicationId: id, action: 'ordered', amount: 250_000, reason: 'ineligible' }, metadata: { actor: context.actor, now } })));
  }
  return actions;
};

const script: fc.Arbitrary<Script> = fc.record({
  category: fc.constantFrom(...CATEGORIES),
  ward: fc.constantFrom('W01' as const, 'W02' as const),
  citizen: fc.integer({ min: 0, max: 5 }),
  steps: fc.integer({ min: 0, max: 8 }),
  rejectAt: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
  withdraw: fc.boolean(),
  recover: fc.boolean(),
});

describe('Read models rebuilt from zero', () => {
  let db: TestDatabase;
  let app: WriteSideApp;

  beforeAll(async () => {
    db = await createTestDatabase('rebuild_equivalence');
    app = await createWriteSideApp(db);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  /** Every table of every read model, in a stable order. */
  const dump = async () => {
    const tables: Record<string, unknown[]> = {};
    for (const table of registeredProjections(shippedCatalog()).flatMap((projection) => projection.tables)) {
      tables[table] = await db.dataSource.query(`SELECT * FROM ${table} t ORDER BY t::text`);
    }
    return tables;
  };

  it('equal the ones built incrementally, over random command sequences and interleavings', async () => {
    const writer = app.module.get(SupportApplicationWriter);
    const store = app.module.get(EventStore);
    let completed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(script, { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 10, maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        async (scripts, interleaving, batchSize) => {
          const queues = scripts.map((s) => actionsFor(writer, s));
          const incremental = new Projector(store, db.dataSource, registeredProjections(shippedCatalog()), { batchSize, pollIntervalMs: 1000 });
          // Rounds of concurrent commands from different applications, with projector batches between them.
          for (let round = 0; queues.some((queue) => queue.length > 0); round += 1) {
            const picks = new Set(interleaving.slice(round % interleaving.length, (round % interleaving.length) + 3).map((i) => i % queues.length));
            await Promise.allSettled([...picks].map((i) => queues[i].shift()?.()));
            if (round % 2 === 0) for (const projection of incremental.projections) await incremental.runBatch(projection);
            if (round > 200) queues.forEach((queue) => queue.splice(0));
          }
          await settleProjector(incremental, db.pool);
          const built = await dump();
          for (const projection of registeredProjections(shippedCatalog())) await new ProjectionRebuilder(store, db.dataSource, batchSize * 3).rebuild(projection);
          expect(await dump()).toEqual(built);
          completed += 1;
        },
      ),
      // Ten runs alone; on a machine busy with every other suite, as many as fit the budget.
      { numRuns: 10, interruptAfterTimeLimit: 170_000, markInterruptAsFailure: false },
    );
    console.log(`rebuild equivalence: ${completed} random runs`);
    expect(completed).toBeGreaterThanOrEqual(2);
    // Each run settles and rebuilds every read model; generous on a loaded 2-core machine.
  }, 240_000);
});
