import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { catalogOf, type ProgrammeDefinition } from '@lib/domain';
import { PostgresEventStore } from '@lib/event-store';
import { createEventTypeRegistry } from '@lib/platform';
import { BeneficiaryKeys } from '@lib/application';
import { SyntheticProvinceSeeder, type GroundTruthCase } from '@lib/seeding';
import { loadProgrammes } from '@lib/platform';
import { FraudAlertsProjection, Projector, alertApplicationIdsSql, createDataSource, runMigrations } from '@lib/projections';
import { score, type RuleScore } from './score';

export interface FraudEvalOptions {
  applications: number;
  fraudRate: number;
  wards: number;
  seed: number;
  /** Events per projector batch. */
  batchSize: number;
  /** Over-budget approvals injected after everything else (F17). */
  budgetCases: number;
  /** The PostgreSQL server; the evaluation makes and drops a database of its own there. */
  serverUrl: string;
  keep?: boolean;
  log?: (line: string) => void;
}

export interface FraudEvalReport {
  database: string;
  applications: number;
  injectedApplications: number;
  events: number;
  cases: GroundTruthCase[];
  scores: RuleScore[];
  alerts: number;
  /** Alerts that name no injected application: raised on clean data only. */
  alertsOnCleanData: number;
  seconds: { seed: number; detect: number };
}

const withDatabase = (serverUrl: string, name: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

const admin = async (serverUrl: string, sql: string) => {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/** The shipped programmes with F17's reported budget set to `budget`. */
const withBudget = (programmes: readonly ProgrammeDefinition[], budget: number) =>
  catalogOf(programmes.map((programme) => ({ ...programme, fraudRules: { ...programme.fraudRules, F17: { ...programme.fraudRules!.F17!, thresholds: { budgetVnd: budget } } } })));

/**
 * Seeds a synthetic province with labelled fraud patterns into a database of its own, runs the
 * fraud-alerts projection over the whole log as the projector does, and scores its alerts
 * against the ground truth. F17 runs as a second phase: the budget is set to the total the
 * province had approved, then a few more approvals go over it.
 */
export const runFraudEval = async (options: FraudEvalOptions): Promise<FraudEvalReport> => {
  const log = options.log ?? (() => undefined);
  const database = `rl_fraud_eval_${randomBytes(4).toString('hex')}`;
  await admin(options.serverUrl, `CREATE DATABASE ${database}`);
  const url = withDatabase(options.serverUrl, database);
  const dataSource = createDataSource(url, 3);
  const pool = new Pool({ connectionString: url, max: 3 });
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    const store = new PostgresEventStore(pool, createEventTypeRegistry());
    const programmes = loadProgrammes();
    const seeder = new SyntheticProvinceSeeder(store, catalogOf(programmes), new BeneficiaryKeys('fraud-eval-citizen-key-2020'));
    const importedAt = '2020-07-15T03:00:00.000Z';

    let started = Date.now();
    log(`seeding about ${options.applications} applications in ${options.wards} wards, fraud rate ${options.fraudRate}, into ${database}`);
    const main = await seeder.run({
      applications: options.applications, fraudRate: options.fraudRate, wards: options.wards, seed: options.seed, programmeId: 'nq42-2020', importedAt,
      onProgress: (done) => done % 20_000 < 300 && log(`  ${done} applications`),
    });
    const seedSeconds = (Date.now() - started) / 1000;
    log(`seeded ${main.applications} applications (${main.injectedApplications} injected in ${main.cases.length} cases), ${main.events} events in ${seedSeconds.toFixed(1)} s`);

    const project = async (projection: FraudAlertsProjection) => {
      const projector = new Projector(store, dataSource, [projection], { batchSize: options.batchSize, pollIntervalMs: 1000 });
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM events');
      for (;;) {
        await projector.catchUp();
        const applied = await pool.query(`SELECT events_applied::int AS n FROM projection_checkpoints WHERE name = $1`, [projection.name]);
        if ((applied.rows[0]?.n ?? 0) >= rows[0].n) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    started = Date.now();
    await project(new FraudAlertsProjection(withBudget(programmes, Number.MAX_SAFE_INTEGER)));
    const [{ approved_total: approvedTotal }] = await pool.query(`SELECT approved_total::bigint AS approved_total FROM fraud_budget_totals WHERE programme_id = 'nq42-2020'`).then((r) => r.rows);
    let detectSeconds = (Date.now() - started) / 1000;
    log(`detectors ran over the log in ${detectSeconds.toFixed(1)} s; approved total ${approvedTotal} VND becomes the reported budget`);

    const overBudget = await seeder.run({
      applications: options.budgetCases, fraudRate: 0, wards: options.wards, seed: options.seed, programmeId: 'nq42-2020', importedAt,
      rules: ['F17'], casesPerRule: options.budgetCases, firstSerial: main.lastSerial,
    });
    started = Date.now();
    await project(new FraudAlertsProjection(withBudget(programmes, Number(approvedTotal))));
    detectSeconds += (Date.now() - started) / 1000;

    const alerts: { rule: string; application_ids: string[] }[] = (await pool.query(`SELECT rule, ${alertApplicationIdsSql('a')} AS application_ids FROM fraud_alerts a`)).rows;
    const cases = [...main.cases, ...overBudget.cases];
    const injected = new Set(cases.flatMap((c) => c.applicationIds));
    return {
      database,
      applications: main.applications + overBudget.applications,
      injectedApplications: main.injectedApplications + overBudget.injectedApplications,
      events: main.events + overBudget.events,
      cases,
      scores: score(cases, alerts.map((alert) => ({ rule: alert.rule, applicationIds: alert.application_ids }))),
      alerts: alerts.length,
      alertsOnCleanData: alerts.filter((alert) => !alert.application_ids.some((id) => injected.has(id))).length,
      seconds: { seed: seedSeconds, detect: detectSeconds },
    };
  } finally {
    await pool.end();
    if (dataSource.isInitialized) await dataSource.destroy();
    if (!options.keep) await admin(options.serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
};
