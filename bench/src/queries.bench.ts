import 'reflect-metadata';
import { Pool } from 'pg';
import type { DataSource, Logger } from 'typeorm';
import { PostgresEventStore } from '@lib/event-store';
import { createEventTypeRegistry } from '@lib/platform';
import { createDataSource, ListApplicationsHandler, ListApplicationsQuery, GetWardDashboardHandler, GetWardDashboardQuery } from '@lib/projections';
import { GetBeneficiaryHandler } from '@lib/projections/beneficiary-index/queries/get-beneficiary.query-handler';
import { GetBeneficiaryQuery } from '@lib/projections/beneficiary-index/queries/get-beneficiary.query';
import { ListFraudAlertsHandler } from '@lib/projections/fraud-alerts/queries/list-fraud-alerts.query-handler';
import { ListFraudAlertsQuery } from '@lib/projections/fraud-alerts/queries/list-fraud-alerts.query';
import { CountOverdueStepsHandler } from '@lib/projections/overdue-steps/queries/list-overdue-steps.query-handler';
import { CountOverdueStepsQuery } from '@lib/projections/overdue-steps/queries/list-overdue-steps.query';
import { GetApplicationHistoryHandler } from '@lib/projections/case-history/get-application-history.query-handler';
import { GetApplicationHistoryQuery } from '@lib/projections/case-history/get-application-history.query';
import { GetApplicationStateHandler } from '@lib/projections/case-history/get-application-state.query-handler';
import { GetApplicationStateQuery } from '@lib/projections/case-history/get-application-state.query';
import type { BenchDatabase } from './lib/bench-db';
import { Latencies, nowMs } from './lib/stats';

export interface QueryFigure {
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  samples: number;
  /** Every statement the query sent, with its EXPLAIN (ANALYZE, BUFFERS). */
  plans: { sql: string; plan: string; uses_index: boolean; seq_scans: string[] }[];
}

type Statement = { sql: string; params: unknown[] };

/**
 * The inspectors' and officers' read paths at province scale, through the same query handlers
 * the API calls (the HTTP layer adds only routing and JSON): p50/p95 over samples drawn from
 * the data, and the plans of the statements each one sends.
 */
export const runQueries = async (db: BenchDatabase, samples: number): Promise<Record<string, QueryFigure>> => {
  const captured: Statement[] = [];
  let capturing = false;
  const logger: Logger = {
    logQuery: (sql, params) => {
      if (capturing) captured.push({ sql, params: (params as unknown[] | undefined) ?? [] });
    },
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  const dataSource: DataSource = createDataSource(db.url, 4);
  dataSource.setOptions({ logging: ['query'], logger });
  await dataSource.initialize();
  const pool = new Pool({ connectionString: db.url, max: 4 });
  pool.on('error', () => undefined);
  const query = pool.query.bind(pool);
  (pool as unknown as { query: unknown }).query = (sql: string, params?: unknown[]) => {
    if (capturing) captured.push({ sql, params: params ?? [] });
    return query(sql, params as never);
  };
  const store = new PostgresEventStore(pool, createEventTypeRegistry());
  try {
    await dataSource.query('ANALYZE');
    const pick = async (sql: string) => (await dataSource.query(sql)) as Record<string, string>[];
    const citizens = (await pick(`SELECT citizen_id FROM beneficiary_index ORDER BY random() LIMIT ${samples}`)).map((row) => row.citizen_id);
    const wards = (await pick(`SELECT DISTINCT ward FROM application_overview`)).map((row) => row.ward);
    const apps = await pick(`SELECT application_id, (submitted_at + interval '1 day')::text AS as_of FROM application_overview ORDER BY random() LIMIT ${samples}`);
    const alertWards = (await pick(`SELECT DISTINCT unnest(wards) AS ward FROM fraud_alerts`)).map((row) => row.ward);
    const beneficiary = new GetBeneficiaryHandler(dataSource);
    const alerts = new ListFraudAlertsHandler(dataSource);
    const dashboard = new GetWardDashboardHandler(dataSource);
    const overdue = new CountOverdueStepsHandler(dataSource);
    const list = new ListApplicationsHandler(dataSource);
    const history = new GetApplicationHistoryHandler(store);
    const state = new GetApplicationStateHandler(store);
    const at = <T>(items: T[], i: number) => items[i % Math.max(1, items.length)];
    const cases: Record<string, (i: number) => Promise<unknown>> = {
      beneficiary_lookup: (i) => beneficiary.execute(new GetBeneficiaryQuery(at(citizens, i))),
      alerts_by_ward: (i) => alerts.execute(new ListFraudAlertsQuery({ ward: at(alertWards.length ? alertWards : wards, i) }, 50)),
      ward_dashboard: (i) => Promise.all([dashboard.execute(new GetWardDashboardQuery(at(wards, i))), overdue.execute(new CountOverdueStepsQuery(at(wards, i), '2020-06-30'))]),
      application_list_page: (i) => list.execute(new ListApplicationsQuery({ ward: at(wards, i), status: i % 2 ? 'paid' : undefined }, 50)),
      case_history: (i) => history.execute(new GetApplicationHistoryQuery(at(apps, i).application_id)),
      state_as_of: (i) => state.execute(new GetApplicationStateQuery(at(apps, i).application_id, { asOf: new Date(at(apps, i).as_of).toISOString() })),
    };
    const figures: Record<string, QueryFigure> = {};
    for (const [name, run] of Object.entries(cases)) {
      for (let i = 0; i < Math.min(20, samples); i += 1) await run(i);
      const latency = new Latencies();
      for (let i = 0; i < samples; i += 1) {
        const t0 = nowMs();
        await run(i + 7);
        latency.add(nowMs() - t0);
      }
      captured.length = 0;
      capturing = true;
      await run(3);
      capturing = false;
      const plans = [];
      for (const statement of captured.filter((s) => /^\s*SELECT/i.test(s.sql))) {
        const rows = (await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params as never)).rows as { 'QUERY PLAN': string }[];
        const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
        const seqScans = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((match) => match[1]);
        plans.push({ sql: statement.sql.replace(/\s+/g, ' ').trim(), plan, uses_index: /Index (Only )?Scan|Bitmap Index Scan/.test(plan), seq_scans: seqScans });
      }
      const { p50_ms, p95_ms, p99_ms } = latency.summary();
      figures[name] = { p50_ms, p95_ms, p99_ms, samples, plans };
    }
    return figures;
  } finally {
    await dataSource.destroy();
    await pool.end();
  }
};
