import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { startProcess, stopApi, token } from './http.bench';
import type { BenchDatabase } from './lib/bench-db';
import { nowMs, round } from './lib/stats';

export interface ListsBenchPlan {
  /** Rows of the one timed import (issue 13: 10,000 in under 20 s). */
  importRows: number;
  /** Applications of the one timed list act (5,000 in under 10 s). */
  actSize: number;
  /** Applications of the one timed provincial decision (50,000), in lists of at most `listSize`. */
  decisionSize: number;
  listSize: number;
}

export interface ListsBenchResult {
  import: { rows: number; seconds: number; rows_per_s: number };
  list_act: { applications: number; seconds: number };
  /**
   * A refused or failed decision (the statement timeout, say) is recorded with what was measured
   * before it. `projected_s`: from the answer until every projection had applied the decision
   * (null: not within 600 s).
   */
  decision: { applications: number; lists: number; seconds: number; events: number; projected_s: number | null; error?: string };
  /** Read once the projections have applied the decision (the projector runs in the API's process). */
  api_peak_rss_mb: number;
}

const HEADER = 'Họ và tên,"Ngày, tháng, năm sinh",Số CMND/CCCD,Nơi ở hiện tại,Tháng đề nghị hỗ trợ,Công việc,Ngày mất việc,Thu nhập hằng tháng (đồng)\n';
let serial = 0;
const csv = (rows: number) =>
  HEADER + Array.from({ length: rows }, () => `Người Thứ ${(serial += 1)},01/01/1980,${String(700_000_000_000 + serial).padStart(12, '0')},Tổ 1,"04/2020, 05/2020",porter,01/04/2020,0`).join('\n');

/** The API process's high-water mark of resident memory, from /proc (Linux). */
const peakRssMb = (child: ChildProcess): number => {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return round(Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024, 0);
};

/** Waits until every projection has applied all `events` of the log; false after `limitSeconds`. */
const projectedUpTo = async (db: BenchDatabase, events: number, limitSeconds: number): Promise<boolean> => {
  const deadline = nowMs() + limitSeconds * 1000;
  while (nowMs() < deadline) {
    const { rows } = await db.pool.query('SELECT coalesce(min(events_applied), 0)::bigint AS applied FROM projection_checkpoints');
    if (Number(rows[0].applied) >= events) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
};

const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Issue 13's scale, through the real API process: a timed import, a timed list act, and a
 * timed provincial decision over many wards' lists (every step before it done by list acts).
 */
export const listsBench = async (db: BenchDatabase, plan: ListsBenchPlan, port: number, log: (line: string) => void, profileDir?: string): Promise<ListsBenchResult> => {
  const api = await startProcess(db, 'api', { PORT: String(port), RUN: 'all', IMPORT_MAX_ROWS: String(Math.max(plan.importRows, plan.listSize)), DB_POOL_SIZE: '20' }, port, profileDir);
  const base = `http://127.0.0.1:${port}`;
  const call = async (path: string, role: string, ward: string | null, body: object | FormData, expected: number[] = [200, 201]) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token(`bench-${role}`, role, ward)}`, ...(body instanceof FormData ? {} : { 'Content-Type': 'application/json' }) },
      body: body instanceof FormData ? body : JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, any>;
    if (!expected.includes(response.status)) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer).slice(0, 500)}`);
    return answer;
  };
  const importRows = async (ward: string, rows: number) => {
    const form = new FormData();
    form.append('file', new Blob([csv(rows)]), `${ward}.csv`);
    for (const [key, value] of Object.entries({ programme: 'nq42-2020', category: '4', ward })) form.append(key, value);
    const answer = await call('/imports', 'intake-officer', ward, form);
    if (answer.accepted !== rows) throw new Error(`import of ${ward}: ${answer.accepted} of ${rows} accepted`);
    return answer.applicationIds as string[];
  };
  const listAct = async (ward: string, step: string, role: string, ids: string[], body: object = {}) => {
    const scope = ['district-appraiser', 'province-approver'].includes(role) ? null : ward;
    const list = await call('/lists', role, scope, { programme: 'nq42-2020', category: '4', ward, step, applicationIds: ids });
    if (step === 'provincial-decision') return list.id as string;
    const started = nowMs();
    await call(`/lists/${list.id}/steps/${step}`, role, scope, { outcome: 'completed', ...body });
    return { id: list.id as string, seconds: (nowMs() - started) / 1000 };
  };
  const throughAppraisal = async (ward: string, ids: string[], timeApproval = false) => {
    let approvalSeconds = 0;
    for (const part of chunks(ids, plan.listSize)) {
      await listAct(ward, 'village-review', 'village-reviewer', part);
      await listAct(ward, 'public-posting', 'intake-officer', part, { reference: 'Bảng tin', postedFrom: '2020-05-18', postedUntil: '2020-05-20' });
      const approval = (await listAct(ward, 'ward-approval', 'ward-approver', part)) as { seconds: number };
      if (timeApproval) approvalSeconds = Math.max(approvalSeconds, approval.seconds);
      await listAct(ward, 'district-appraisal', 'district-appraiser', part, { reference: 'TĐ-1' });
    }
    return approvalSeconds;
  };
  try {
    log(`lists: importing ${plan.importRows} rows`);
    let started = nowMs();
    const imported = await importRows('B000', plan.importRows);
    const importSeconds = (nowMs() - started) / 1000;
    log(`lists: import of ${plan.importRows} rows in ${round(importSeconds, 2)} s`);
    log(`lists: one list act over ${plan.actSize} applications`);
    const actSeconds = await throughAppraisal('B000', imported.slice(0, plan.actSize), true);
    log(`lists: ward-approval act over ${plan.actSize} applications in ${round(actSeconds, 2)} s`);

    const wards = Math.ceil(plan.decisionSize / plan.importRows);
    const lists: string[] = [];
    log(`lists: preparing ${plan.decisionSize} applications in ${wards} wards for a decision`);
    for (let w = 1; w <= wards; w += 1) {
      const ward = `B${String(w).padStart(3, '0')}`;
      const ids = await importRows(ward, Math.min(plan.importRows, plan.decisionSize - (w - 1) * plan.importRows));
      await throughAppraisal(ward, ids);
      for (const part of chunks(ids, plan.listSize)) lists.push((await listAct(ward, 'provincial-decision', 'province-approver', part)) as string);
    }
    log(`lists: one decision over ${lists.length} lists`);
    const before = Number((await db.pool.query('SELECT count(*) FROM events')).rows[0].count);
    started = nowMs();
    let decided: Record<string, any> = { applied: 0 };
    let error: string | undefined;
    try {
      decided = await call('/decisions', 'province-approver', null, { programme: 'nq42-2020', decisionNo: `B-${Date.now()}/QĐ-UBND`, decidedOn: '2020-05-26', listIds: lists });
    } catch (failed) {
      error = (failed as Error).message.slice(0, 300);
    }
    const decisionSeconds = (nowMs() - started) / 1000;
    log(`lists: decision in ${round(decisionSeconds, 2)} s${error ? `, FAILED: ${error}` : ''}`);
    const after = Number((await db.pool.query('SELECT count(*) FROM events')).rows[0].count);
    // The projector (in the API's process) applies the decision as one batch after the answer:
    // the process's peak memory is read once it has, not before.
    started = nowMs();
    const projected = await projectedUpTo(db, after, 600);
    const projectedSeconds = (nowMs() - started) / 1000;
    log(`lists: the decision projected ${projected ? `in ${round(projectedSeconds, 2)} s` : 'NOT within 600 s'}; API peak RSS ${peakRssMb(api)} MB`);
    return {
      import: { rows: plan.importRows, seconds: round(importSeconds, 2), rows_per_s: round(plan.importRows / importSeconds, 0) },
      list_act: { applications: plan.actSize, seconds: round(actSeconds, 2) },
      decision: { applications: decided.applied, lists: lists.length, seconds: round(decisionSeconds, 2), events: after - before, projected_s: projected ? round(projectedSeconds, 2) : null, ...(error ? { error } : {}) },
      api_peak_rss_mb: peakRssMb(api),
    };
  } finally {
    await stopApi(api);
  }
};
