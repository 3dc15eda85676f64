import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFraudAlerts1764200000004 implements MigrationInterface {
  name = 'CreateFraudAlerts1764200000004';

  async up(db: QueryRunner): Promise<void> {
    // The detectors' own state: what they know of each application, and the cluster keys.
    await db.query(`
      CREATE TABLE fraud_case_facts (
        application_id uuid PRIMARY KEY,
        programme_id text NOT NULL,
        citizen_id text NOT NULL,
        ward text NOT NULL,
        bank_account text,
        phone text,
        address_key text,
        household_key text,
        payees text[] NOT NULL,
        withdrawn_on date,
        over_budget boolean NOT NULL,
        facts jsonb NOT NULL
      )`);
    await db.query(`CREATE INDEX fraud_case_facts_citizen ON fraud_case_facts (citizen_id)`);
    await db.query(`CREATE INDEX fraud_case_facts_bank ON fraud_case_facts (bank_account) WHERE bank_account IS NOT NULL`);
    await db.query(`CREATE INDEX fraud_case_facts_phone ON fraud_case_facts (phone) WHERE phone IS NOT NULL`);
    await db.query(`CREATE INDEX fraud_case_facts_address ON fraud_case_facts (address_key) WHERE address_key IS NOT NULL`);
    await db.query(`CREATE INDEX fraud_case_facts_household ON fraud_case_facts (household_key) WHERE household_key IS NOT NULL`);
    await db.query(`CREATE INDEX fraud_case_facts_payees ON fraud_case_facts USING gin (payees)`);
    await db.query(`CREATE INDEX fraud_case_facts_withdrawn ON fraud_case_facts (ward, withdrawn_on) WHERE withdrawn_on IS NOT NULL`);
    await db.query(`CREATE INDEX fraud_case_facts_over_budget ON fraud_case_facts (programme_id) WHERE over_budget`);
    await db.query(`CREATE TABLE fraud_budget_totals (programme_id text PRIMARY KEY, approved_total bigint NOT NULL)`);
    await db.query(`
      CREATE TABLE fraud_alerts (
        id uuid PRIMARY KEY,
        rule text NOT NULL,
        subject text NOT NULL,
        title text NOT NULL,
        legal_basis text NOT NULL,
        severity text NOT NULL,
        programme_id text NOT NULL,
        ward text NOT NULL,
        wards text[] NOT NULL,
        application_ids text[] NOT NULL,
        evidence bigint[] NOT NULL,
        reasons text[] NOT NULL,
        status text NOT NULL,
        raised_position bigint NOT NULL,
        raised_at timestamptz NOT NULL,
        updated_position bigint NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX fraud_alerts_page ON fraud_alerts (raised_position DESC, id DESC)`);
    await db.query(`CREATE INDEX fraud_alerts_rule ON fraud_alerts (rule, raised_position DESC)`);
    await db.query(`CREATE INDEX fraud_alerts_wards ON fraud_alerts USING gin (wards)`);
    await db.query(`
      CREATE TABLE fraud_alert_resolutions (
        alert_id uuid PRIMARY KEY,
        outcome text NOT NULL,
        application_ids text[] NOT NULL,
        note text NOT NULL,
        resolved_by text NOT NULL,
        resolved_at timestamptz NOT NULL,
        recovery jsonb NOT NULL,
        position bigint NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['fraud_alert_resolutions', 'fraud_alerts', 'fraud_budget_totals', 'fraud_case_facts']) await db.query(`DROP TABLE ${table}`);
  }
}
