import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { IDENTITY_FACT_FIELDS } from '../fraud-alerts/detectors/identity-detector';
import { IdentityFacts1765900000000 } from './1765900000000-identity-facts';

describe('IdentityFacts1765900000000', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('identity_facts_migration');
  });
  afterAll(() => db.drop());

  const facts = (identityKey: string | null) => ({
    applicationId: randomUUID(), programmeId: 'nq42-2020', programmeVersion: 1, citizenId: '001090000001', fullName: 'Nguyễn Văn An', dateOfBirth: '1990-01-01',
    homeKey: 'W01|12 lê lợi', phone: '0901000001', bankAccount: null, ward: 'W01', identityKey, submittedPosition: 7, submittedAt: '2020-05-01T01:00:00.000Z',
    payments: [], decision: null, notes: 'x'.repeat(4000),
  });

  it('fills what F20 reads from the facts already stored, for the named applications only, and drops it going down', async () => {
    const named = facts('nguyen van an|1990-01-01');
    const unnamed = facts(null);
    for (const one of [named, unnamed]) {
      await db.pool.query(
        `INSERT INTO fraud_case_facts (application_id, programme_id, citizen_id, ward, identity_key, payees, over_budget, facts) VALUES ($1, 'nq42-2020', $2, 'W01', $3, '{}', false, $4)`,
        [one.applicationId, one.citizenId, one.identityKey, JSON.stringify(one)],
      );
    }
    const migration = new IdentityFacts1765900000000();
    const runner = db.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const columns = async () => (await db.pool.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'fraud_case_facts' AND column_name = 'identity'`)).rowCount;
      expect(await columns()).toBe(0);
      await migration.up(runner);
      expect(await columns()).toBe(1);
    } finally {
      await runner.release();
    }
    const stored = new Map((await db.pool.query(`SELECT application_id, identity FROM fraud_case_facts`)).rows.map((row) => [row.application_id, row.identity]));
    expect(stored.get(named.applicationId)).toEqual(Object.fromEntries(IDENTITY_FACT_FIELDS.map((field) => [field, named[field]])));
    expect(stored.get(unnamed.applicationId)).toBeNull();
  });
});
