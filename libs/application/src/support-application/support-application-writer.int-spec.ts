import { randomUUID } from 'node:crypto';
import { DuplicateSupport, type Actor, type Role } from '@lib/domain';
import { EventStore } from '@lib/event-store';
import { createTestDatabase, createWriteSideApp, type TestDatabase, type WriteSideApp } from '@lib/testing';
import { PerformSupportStepCommand, RecordSupportPaymentCommand, SubmitSupportApplicationCommand, VersionMismatch, type CommandContext } from '@lib/application';

const actor = (role: Role, ward: string | null, id = `${role}-${ward}`): Actor => ({ id, roles: [role], ward });
const context = (who: Actor, extra: Partial<CommandContext> = {}): CommandContext => ({
  actor: who,
  commandId: randomUUID(),
  correlationId: randomUUID(),
  ...extra,
});

const informalWorker = (citizenId: string, ward: string) => ({
  citizenId,
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1980-03-02',
  ward,
  address: `Khối 3, ${ward}`,
  phone: '0912345678',
});
const informalClaim = { months: ['2020-04', '2020-05'], occupation: 'street-vendor', jobLostOn: '2020-04-01', monthlyIncome: 500000 };

describe('SupportApplicationWriter (handlers on PostgreSQL)', () => {
  let db: TestDatabase;
  let app: WriteSideApp;

  beforeAll(async () => {
    db = await createTestDatabase('writer', 6);
    app = await createWriteSideApp(db);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const submit = (citizenId: string, ward: string, extra: Partial<CommandContext> = {}) => {
    const id = randomUUID();
    return app.commands
      .execute(new SubmitSupportApplicationCommand(id, 'nq42-2020', '4', informalWorker(citizenId, ward), informalClaim, context(actor('intake-officer', ward), extra)))
      .then((result) => ({ id, result }));
  };
  const step = (id: string, name: string, who: Actor, extra: Record<string, unknown> = {}, ctx: Partial<CommandContext> = {}) =>
    app.commands.execute(new PerformSupportStepCommand({ applicationId: id, step: name, outcome: 'completed', ...extra }, context(who, ctx)));

  const toWardApproval = async (citizenId: string, ward: string) => {
    const { id } = await submit(citizenId, ward);
    await step(id, 'village-review', actor('village-reviewer', ward), { minutesRef: 'BB-01' });
    await step(id, 'public-posting', actor('intake-officer', ward), { reference: 'Nhà văn hoá khối 3', postedFrom: '2020-05-13', postedUntil: '2020-05-15' });
    return id;
  };

  describe('an informal worker from intake to payment', () => {
    it('is paid the computed amount, every step by its role', async () => {
      const ward = 'W01';
      const id = await toWardApproval('001080000001', ward);
      const approved = await step(id, 'ward-approval', actor('ward-approver', ward));
      expect(approved).toEqual({ id, status: 'in-progress', version: 4 });
      await step(id, 'district-appraisal', actor('district-appraiser', null));
      const decided = await step(id, 'provincial-decision', actor('province-approver', null), { decisionNo: '1234/QĐ-UBND' });
      expect(decided.status).toBe('approved');
      const paid = await app.commands.execute(new RecordSupportPaymentCommand({ applicationId: id, amount: 2_000_000, method: 'cash', reference: 'PC-77' }, context(actor('treasurer', ward))));
      expect(paid).toEqual({ id, status: 'paid', version: 7 });
      const history = await app.module.get(EventStore).readStream(`support-application-${id}`);
      expect(history.map((event) => event.type)).toEqual([
        'SupportApplicationSubmitted', 'SupportApplicationReviewed', 'SupportApplicationPosted', 'SupportApplicationApproved',
        'SupportApplicationReviewed', 'SupportApplicationDecided', 'SupportApplicationPaid',
      ]);
      expect(history[3].metadata).toMatchObject({ actorId: `ward-approver-${ward}`, role: 'ward-approver', ward });
    });
  });

  describe('when the same command id is sent twice', () => {
    it('appends one set of events and answers the first result again', async () => {
      const commandId = randomUUID();
      const first = await submit('001080000002', 'W01', { commandId });
      const second = await submit('001080000002', 'W01', { commandId });
      expect(second.result).toEqual(first.result);
      const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM events WHERE metadata->>'commandId' = $1`, [commandId]);
      expect(rows[0].n).toBe(1);
    });

    it('made for the request (no Idempotency-Key): not looked up first, and a repeat is still refused by the append', async () => {
      const store = app.module.get(EventStore);
      const original = store.findCommandRecord;
      let lookups = 0;
      store.findCommandRecord = (...args) => {
        lookups += 1;
        return original.apply(store, args);
      };
      try {
        const commandId = randomUUID();
        const first = await submit('001080000012', 'W01', { commandId, freshCommandId: commandId });
        expect(lookups).toBe(0);
        const second = await submit('001080000012', 'W01', { commandId, freshCommandId: commandId });
        expect(second.result).toEqual(first.result);
        const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM events WHERE metadata->>'commandId' = $1`, [commandId]);
        expect(rows[0].n).toBe(1);
        // Once, by the append that found the id taken, for the first answer.
        expect(lookups).toBe(1);
        // A context derived with an id of its own (an import's row, repeated by a re-run) is looked up first.
        const row = randomUUID();
        await submit('001080000013', 'W01', { commandId: row });
        const again = await submit('001080000013', 'W01', { commandId: row, freshCommandId: commandId });
        expect(lookups).toBe(3);
        expect(again.result).toMatchObject({ status: 'submitted' });
      } finally {
        store.findCommandRecord = original;
      }
    });
  });

  describe('when If-Match names a stale version', () => {
    it('refuses with VersionMismatch and appends nothing', async () => {
      const { id } = await submit('001080000003', 'W01');
      await expect(step(id, 'village-review', actor('village-reviewer', 'W01'), {}, { expectedVersion: 0 })).rejects.toBeInstanceOf(VersionMismatch);
      const events = await app.module.get(EventStore).readStream(`support-application-${id}`);
      expect(events).toHaveLength(1);
    });
  });

  describe('one citizen approved concurrently in two wards', () => {
    it('lets exactly one approval win and refuses the other as duplicate support, 20 times over', async () => {
      for (let round = 0; round < 20; round += 1) {
        const citizenId = `0790900${String(round).padStart(5, '0')}`;
        const [inWardA, inWardB] = await Promise.all([toWardApproval(citizenId, 'W01'), toWardApproval(citizenId, 'W02')]);
        const outcomes = await Promise.allSettled([
          step(inWardA, 'ward-approval', actor('ward-approver', 'W01')),
          step(inWardB, 'ward-approval', actor('ward-approver', 'W02')),
        ]);
        const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(refused).toHaveLength(1);
        expect(refused[0].reason).toBeInstanceOf(DuplicateSupport);
        const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM events WHERE type = 'SupportApplicationApproved' AND data->>'applicationId' = ANY($1)`, [[inWardA, inWardB]]);
        expect(rows[0].n).toBe(1);
      }
    });
  });
});
