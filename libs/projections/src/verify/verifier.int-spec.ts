import { randomUUID } from 'node:crypto';
import { EventStore } from '@lib/event-store';
import { SupportApplicationWriter, type CommandContext } from '@lib/application';
import { anApplicant, claimFor, createTestDatabase, createWriteSideApp, settleProjector, type TestDatabase, type WriteSideApp, shippedCatalog } from '@lib/testing';
import { Projector } from '../projector/projector';
import { registeredProjections } from '../projector/registered-projections';
import { Verifier } from './verifier';

describe('Verifier', () => {
  let db: TestDatabase;
  let app: WriteSideApp;
  const ids: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('verifier');
    app = await createWriteSideApp(db);
    const writer = app.module.get(SupportApplicationWriter);
    const ctx = (id: string, role: 'intake-officer' | 'village-reviewer' | 'ward-approver'): CommandContext => ({
      actor: { id: `${role}-1`, roles: [role], ward: 'W01' },
      commandId: randomUUID(),
      correlationId: id,
    });
    for (let n = 0; n < 12; n += 1) {
      const id = randomUUID();
      ids.push(id);
      const submit = ctx(id, 'intake-officer');
      await writer.execute(id, submit, (now) => ({
        type: 'SubmitSupportApplication',
        data: { applicationId: id, programmeId: 'nq42-2020', category: '7', applicant: anApplicant({ citizenId: `02008100${String(n).padStart(4, '0')}` }), claim: claimFor('7') },
        metadata: { actor: submit.actor, now },
      }));
      for (const [step, role] of [['village-review', 'village-reviewer'], ['ward-approval', 'ward-approver']] as const) {
        const context = ctx(id, role);
        await writer.execute(id, context, (now) => ({ type: 'PerformSupportStep', data: { applicationId: id, step, outcome: 'completed' }, metadata: { actor: context.actor, now } }));
      }
    }
    await settleProjector(new Projector(app.module.get(EventStore), db.dataSource, registeredProjections(shippedCatalog()), { batchSize: 7, pollIntervalMs: 1000 }), db.pool);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  // Small pages, so streams are cut by page boundaries and carried over.
  const verify = () => new Verifier(db.dataSource, 5).verify();

  describe('when nothing was altered', () => {
    it('finds every chain intact and every application equal to its read-model row', async () => {
      const report = await verify();
      expect(report.mismatches).toEqual([]);
      expect(report.applicationsCompared).toBe(12);
      expect(report.events).toBe(Number((await db.pool.query('SELECT count(*) FROM events')).rows[0].count));
    });
  });

  describe('when a superuser alters a stored event', () => {
    it('names the stream and version whose hash no longer matches', async () => {
      const client = await db.pool.connect();
      try {
        await client.query('SET session_replication_role = replica');
        await client.query(
          `UPDATE events SET data = jsonb_set(data, '{approvedAmount}', '99000000') WHERE stream_id = $1 AND stream_version = 3`,
          [`support-application-${ids[4]}`],
        );
      } finally {
        await client.query('RESET session_replication_role');
        client.release();
      }
      const report = await verify();
      expect(report.mismatches).toContainEqual({
        kind: 'hash-chain',
        streamId: `support-application-${ids[4]}`,
        detail: expect.stringMatching(/^version 3 .*does not match its hash/),
        vi: expect.stringMatching(/^phiên bản 3 .*nội dung không khớp mã băm/),
      });
      expect(report.mismatches).toContainEqual({ kind: 'read-model', streamId: `support-application-${ids[4]}`, detail: expect.stringContaining('approvedAmount'), vi: expect.stringContaining('approvedAmount') });
      expect(new Set(report.mismatches.map((m) => m.streamId))).toEqual(new Set([`support-application-${ids[4]}`]));
    });
  });

  describe('when a read-model row is altered', () => {
    it('names the application and the field', async () => {
      await db.pool.query(`UPDATE application_overview SET status = 'paid', paid_amount = 2250000 WHERE application_id = $1`, [ids[7]]);
      const report = await verify();
      const forRow = report.mismatches.filter((m) => m.streamId === `support-application-${ids[7]}`);
      expect(forRow.map((m) => m.detail)).toEqual([
        expect.stringMatching(/^status: events say "in-progress", read model says "paid"/),
        expect.stringMatching(/^paidAmount: events say 0, read model says 2250000/),
      ]);
    });

    it('names a row that has no events behind it', async () => {
      const ghost = randomUUID();
      await db.pool.query(`INSERT INTO application_overview SELECT $1::uuid, programme_id, programme_version, category, ward, status, current_step, version, applicant, claim, steps, next_step, performed_by, approved_months, claimed_amount, approved_amount, paid_amount, recovery_ordered_amount, recovered_amount, posted_until, last_step_at, submitted_at, updated_at, last_position FROM application_overview WHERE application_id = $2`, [ghost, ids[0]]);
      const report = await verify();
      expect(report.mismatches).toContainEqual({ kind: 'read-model', streamId: `support-application-${ghost}`, detail: expect.stringContaining('no events'), vi: expect.stringContaining('không có sự kiện') });
    });
  });
});
