import type { EntityManager } from 'typeorm';
import { fraudRule, type FraudRuleId, type ProgrammeCatalog } from '@lib/domain';
import type { StoredEvent } from '@lib/event-store';
import type { Projection } from '../projection';
import { CASE_FACT_EVENT_TYPES, amountHeld, evolveCaseFacts, loanWorkersOf, type CaseFacts } from './case-facts';
import { detectApplication } from './detectors/application-detectors';
import { IDENTITY_FACT_FIELDS } from './detectors/identity-detector';
import { alertIdOf, type Finding } from './detectors/finding';
import { UPSERT_CHUNK_ROWS } from '../common/row-table';
import { GROWING_ALERT_SQL, TouchedGroups, detectTouchedGroups } from './touched-groups';

export interface RaisedAlert {
  rule: string;
  severity: string;
}

export interface FraudAlertsOptions {
  /** Called once per alert when first raised (a metrics counter). */
  onRaised?: (alert: RaisedAlert) => void;
  /** Facts written to a statement (UPSERT_CHUNK_ROWS). */
  chunkRows?: number;
}

/**
 * Rules of one application that stop holding when facts change: F15 while paid money is not
 * recovered. Their alert is then `cleared` (kept, with its resolution, for the record). Each
 * says which facts it can ever have held on, so the others (in a catch-up, nearly all) are not
 * looked for among the alerts.
 */
const CLEARABLE: readonly { rule: FraudRuleId; couldHaveHeld: (facts: CaseFacts) => boolean }[] = [
  // Judgments are only ever added: with none, F15 has never held.
  { rule: 'F15', couldHaveHeld: (facts) => facts.judgments.length > 0 },
];

/** What F20 reads, stored beside the facts: picked out of the compressed whole on each read, it cost twenty times as much. */
const IDENTITY_PICKED = IDENTITY_FACT_FIELDS.map((field) => `'${field}', f->'${field}'`).join(', ');

const HOLDING_EVENTS = new Set([
  'SupportApplicationApproved', 'SupportApplicationPaid', 'SupportApplicationRejected', 'SupportApplicationWithdrawn',
  // A superseded support stops counting; a provincial decision may narrow what is held.
  'SupportApplicationSuperseded', 'SupportApplicationDecided',
]);

const holding = (facts: CaseFacts | null | undefined) => !!facts && facts.heldFrom !== null && facts.heldUntil === null;

/**
 * F17 counts what the provincial Chairman approved (the decision approving the list and the
 * funds), or money that went out without it, while the support is held.
 */
const budgeted = (facts: CaseFacts | null | undefined) => holding(facts) && (facts!.decision !== null || facts!.paidAmount > 0);

/**
 * Fraud rules F1–F20 as detectors over the log. Per batch: fold each application's facts, keep
 * the programme's running approved total (F17), save the facts, then run the per-application
 * rules on what changed and the group rules (person, shared account, phone, address, payee,
 * household, ward-day) on every group the batch touched. Detectors only ever see more evidence,
 * so an alert is keyed by rule and subject and upserted: raised once, updated as it grows.
 */
export class FraudAlertsProjection implements Projection {
  readonly name = 'fraud-alerts';
  // 3: reasons are message keys and params, no longer English sentences.
  readonly version = 3;
  readonly handles: ReadonlySet<string> = new Set([...CASE_FACT_EVENT_TYPES, 'FraudAlertDismissed']);
  readonly tables = ['fraud_case_facts', 'fraud_budget_totals', 'fraud_alerts', 'fraud_alert_members', 'fraud_alert_resolutions'];

  constructor(private readonly programmes: ProgrammeCatalog, private readonly options: FraudAlertsOptions = {}) {}

  async apply(manager: EntityManager, events: readonly StoredEvent[]): Promise<void> {
    const relevant = events.filter((event) => this.handles.has(event.type));
    if (relevant.length === 0) return;
    const idsOf = (event: StoredEvent): string[] => (event.type.startsWith('FraudAlert') ? event.data.applicationIds : [event.data.applicationId]);
    const ids = [...new Set(relevant.flatMap(idsOf))];
    const rows: { facts: CaseFacts }[] = await manager.query(`SELECT facts FROM fraud_case_facts WHERE application_id = ANY($1::uuid[])`, [ids]);
    const before = new Map(rows.map(({ facts }) => [facts.applicationId, facts]));
    const current = new Map(before);
    // F17's running totals, read only by batches in which some support starts or stops being held.
    const moves = relevant.some((event) => HOLDING_EVENTS.has(event.type));
    const totals = new Map<string, number>(moves ? (await manager.query(`SELECT programme_id, approved_total FROM fraud_budget_totals`)).map((row: { programme_id: string; approved_total: string }) => [row.programme_id, Number(row.approved_total)]) : []);
    const touched = new TouchedGroups();
    const resolutions: StoredEvent[] = [];
    for (const event of relevant) {
      if (event.type.startsWith('FraudAlert')) resolutions.push(event);
      if (event.type === 'FraudAlertDismissed') continue;
      for (const id of idsOf(event)) {
        const previous = current.get(id) ?? null;
        let next = evolveCaseFacts(previous, event, this.programmes);
        if (!next || next === previous) continue;
        next = this.countAgainstBudget(previous, next, event, totals);
        current.set(id, next);
        touched.note(previous, next);
      }
    }
    const changed = [...current.values()].filter((facts) => facts !== before.get(facts.applicationId));
    await this.saveFacts(manager, changed, totals);
    const cleared: string[] = [];
    const findings = [
      ...changed.flatMap((facts) => {
        const programme = this.programmes(facts.programmeId, facts.programmeVersion);
        if (!programme) return [];
        const found = detectApplication(facts, programme);
        for (const { rule, couldHaveHeld } of CLEARABLE) {
          if (couldHaveHeld(facts) && !found.some((finding) => finding.rule === rule)) cleared.push(alertIdOf(rule, `application:${facts.applicationId}`));
        }
        return found;
      }),
      ...(await detectTouchedGroups(manager, touched, this.programmes)),
    ];
    if (cleared.length) await manager.query(`UPDATE fraud_alerts SET status = 'cleared' WHERE id = ANY($1::uuid[]) AND status <> 'cleared'`, [cleared]);
    const alertIds = await this.upsertAlerts(manager, findings);
    alertIds.push(...(await this.saveResolutions(manager, resolutions)));
    if (alertIds.length) {
      // A resolution holds while it covers every application of the alert, its members' too.
      // Not `<@`: PostgreSQL compares arrays element by element against each other, and a
      // province's F17 alert of 85,624 applications, once dismissed, took 36 s a batch; EXCEPT
      // hashes (0.1 s).
      await manager.query(
        `UPDATE fraud_alerts a SET status = CASE WHEN a.status = 'cleared' THEN 'cleared' ELSE COALESCE(
           (SELECT r.outcome FROM fraud_alert_resolutions r WHERE r.alert_id = a.id
               AND NOT EXISTS (SELECT unnest(a.application_ids) UNION ALL SELECT m.application_id FROM fraud_alert_members m WHERE m.alert_id = a.id
                               EXCEPT SELECT unnest(r.application_ids))), 'open') END
         WHERE a.id = ANY($1::uuid[])`,
        [[...new Set(alertIds)]],
      );
    }
  }

  /** F17: the running total moves as decided support starts and stops being held, in log order. */
  private countAgainstBudget(previous: CaseFacts | null, next: CaseFacts, event: StoredEvent, totals: Map<string, number>): CaseFacts {
    const total = totals.get(next.programmeId) ?? 0;
    if (!budgeted(previous) && budgeted(next)) {
      const after = total + amountHeld(next);
      totals.set(next.programmeId, after);
      const budget = fraudRule(this.programmes(next.programmeId, next.programmeVersion)?.fraudRules, 'F17')?.thresholds?.budgetVnd;
      if (budget !== undefined && after > budget && !next.overBudget) {
        return { ...next, overBudget: { position: event.position, at: next.approval?.at ?? event.recordedAt, total: after } };
      }
    } else if (budgeted(previous) && !budgeted(next)) totals.set(next.programmeId, total - amountHeld(previous!));
    else if (budgeted(previous) && budgeted(next) && amountHeld(next) !== amountHeld(previous!)) totals.set(next.programmeId, total + amountHeld(next) - amountHeld(previous!));
    return next;
  }

  /** A chunk of applications to a statement: a provincial decision's batch is 50,000 facts, hundreds of megabytes as one JSON text. */
  private async saveFacts(manager: EntityManager, changed: readonly CaseFacts[], totals: Map<string, number>): Promise<void> {
    const size = this.options.chunkRows ?? UPSERT_CHUNK_ROWS;
    for (let start = 0; start < changed.length; start += size) {
      const chunk = changed.slice(start, start + size);
      await manager.query(
        `INSERT INTO fraud_case_facts (application_id, programme_id, citizen_id, ward, bank_account, phone, address_key, household_key, identity_key, payees, withdrawn_on, over_budget, loan_workers, facts, identity)
         SELECT (f->>'applicationId')::uuid, f->>'programmeId', f->>'citizenId', f->>'ward', f->>'bankAccount', f->>'phone', f->>'addressKey', f->>'householdKey', f->>'identityKey',
                ARRAY(SELECT DISTINCT p->>'payee' FROM jsonb_array_elements(f->'payments') p WHERE p->>'payee' IS NOT NULL),
                (f->'withdrawal'->>'on')::date, f->'overBudget' IS NOT NULL AND f->'overBudget' <> 'null'::jsonb,
                ARRAY(SELECT jsonb_array_elements_text(w.workers)), f, CASE WHEN f->>'identityKey' IS NOT NULL THEN jsonb_build_object(${IDENTITY_PICKED}) END
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(f, i)
           JOIN jsonb_array_elements($2::jsonb) WITH ORDINALITY AS w(workers, j) ON i = j
         ON CONFLICT (application_id) DO UPDATE SET payees = EXCLUDED.payees, withdrawn_on = EXCLUDED.withdrawn_on, over_budget = EXCLUDED.over_budget, facts = EXCLUDED.facts, identity = EXCLUDED.identity`,
        [JSON.stringify(chunk), JSON.stringify(chunk.map((facts) => loanWorkersOf(facts).map((worker) => worker.citizenId)))],
      );
    }
    if (totals.size) {
      await manager.query(
        `INSERT INTO fraud_budget_totals SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT (programme_id) DO UPDATE SET approved_total = EXCLUDED.approved_total`,
        [[...totals.keys()], [...totals.values()]],
      );
    }
  }

  /** Upserts findings; a later finding of the same rule and subject replaces the content and keeps the earliest raise. */
  private async upsertAlerts(manager: EntityManager, findings: readonly Finding[]): Promise<string[]> {
    const records = findings.flatMap((finding) => {
      const rule = fraudRule(this.programmes(finding.programmeId, finding.programmeVersion)?.fraudRules, finding.rule as FraudRuleId);
      return rule ? [{ ...finding, id: alertIdOf(finding.rule, finding.subject), title: rule.title, legalBasis: rule.legalBasis, severity: rule.severity }] : [];
    });
    // One finding per alert in a statement: the last one computed is the most complete.
    const unique = [...new Map(records.map((record) => [record.id, record])).values()];
    if (unique.length === 0) return [];
    const members = records.flatMap((record) => (record.members ?? []).map((member) => ({ alertId: record.id, ...member })));
    if (members.length) {
      await manager.query(
        `INSERT INTO fraud_alert_members (alert_id, application_id, position)
         SELECT m."alertId", m."applicationId", m.position FROM jsonb_to_recordset($1::jsonb) AS m("alertId" uuid, "applicationId" text, position bigint)
         ON CONFLICT (alert_id, application_id) DO NOTHING`,
        [JSON.stringify(members)],
      );
    }
    const upserted: { id: string; rule: string; severity: string; inserted: boolean }[] = await manager.query(
      `INSERT INTO fraud_alerts AS a (id, rule, subject, title, legal_basis, severity, programme_id, ward, wards, application_ids, evidence, reasons, details, status,
                                      raised_position, raised_at, updated_position, updated_at)
       SELECT f.id, f.rule, f.subject, f.title, f."legalBasis", f.severity, f."programmeId", f.wards[1], f.wards, f."applicationIds", f.evidence, f.reasons, f.details, 'open',
              f."raisedPosition", f."raisedAt", f."updatedPosition", f."updatedAt"
         FROM jsonb_to_recordset($1::jsonb) AS f(id uuid, rule text, subject text, title text, "legalBasis" text, severity text, "programmeId" text, wards text[],
              "applicationIds" text[], evidence bigint[], reasons jsonb, details jsonb, "raisedPosition" bigint, "raisedAt" timestamptz, "updatedPosition" bigint, "updatedAt" timestamptz)
       ON CONFLICT (id) DO UPDATE SET
         title = EXCLUDED.title, legal_basis = EXCLUDED.legal_basis, severity = EXCLUDED.severity,
         -- a cleared alert (F15 after the money came back) holds again: open, then the resolution decides
         status = CASE WHEN a.status = 'cleared' THEN 'open' ELSE a.status END,
         -- F17 (one alert per programme's budget) and F13 on an account, phone or address only ever
         -- grow, and a batch brings only its new applications: the lists are added to here, in the
         -- database, instead of being read and rewritten whole by every batch (touched-groups.ts).
         ward = CASE WHEN ${GROWING_ALERT_SQL} THEN (SELECT min(w COLLATE "C") FROM unnest(a.wards || EXCLUDED.wards) AS t(w) WHERE w <> '') ELSE EXCLUDED.ward END,
         wards = CASE WHEN ${GROWING_ALERT_SQL} THEN ARRAY(SELECT DISTINCT (w COLLATE "C") FROM unnest(a.wards || EXCLUDED.wards) AS t(w) WHERE w <> '' ORDER BY 1) ELSE EXCLUDED.wards END,
         -- A finding whose applications went to the members brings empty lists: the row's stay as
         -- they are, not rebuilt (and written again) to the same content.
         application_ids = CASE WHEN ${GROWING_ALERT_SQL} AND cardinality(EXCLUDED.application_ids) = 0 THEN a.application_ids
                                WHEN ${GROWING_ALERT_SQL} THEN ARRAY(SELECT DISTINCT (x COLLATE "C") FROM unnest(a.application_ids || EXCLUDED.application_ids) AS t(x) ORDER BY 1)
                                ELSE EXCLUDED.application_ids END,
         evidence = CASE WHEN ${GROWING_ALERT_SQL} AND cardinality(EXCLUDED.evidence) = 0 THEN a.evidence
                         WHEN ${GROWING_ALERT_SQL} THEN ARRAY(SELECT DISTINCT x FROM unnest(a.evidence || EXCLUDED.evidence) AS t(x) ORDER BY 1)
                         ELSE EXCLUDED.evidence END,
         reasons = EXCLUDED.reasons, details = EXCLUDED.details,
         raised_at = CASE WHEN EXCLUDED.raised_position < a.raised_position THEN EXCLUDED.raised_at ELSE a.raised_at END,
         raised_position = LEAST(a.raised_position, EXCLUDED.raised_position),
         updated_position = EXCLUDED.updated_position, updated_at = EXCLUDED.updated_at
       RETURNING id, rule, severity, (xmax = 0) AS inserted`,
      [JSON.stringify(unique.map(({ members: apart, ...record }) => ({ ...record, wards: record.wards.length ? record.wards : [''], ...(apart ? { applicationIds: [], evidence: [] } : {}) })))],
    );
    for (const alert of upserted) if (alert.inserted) this.options.onRaised?.({ rule: alert.rule, severity: alert.severity });
    return upserted.map((alert) => alert.id);
  }

  private async saveResolutions(manager: EntityManager, resolutions: readonly StoredEvent[]): Promise<string[]> {
    for (const event of resolutions) {
      const confirmed = event.type === 'FraudAlertConfirmed';
      const { data } = event;
      await manager.query(
        `INSERT INTO fraud_alert_resolutions VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (alert_id) DO UPDATE SET outcome = EXCLUDED.outcome, application_ids = EXCLUDED.application_ids, note = EXCLUDED.note,
           resolved_by = EXCLUDED.resolved_by, resolved_at = EXCLUDED.resolved_at, recovery = EXCLUDED.recovery, position = EXCLUDED.position
         WHERE fraud_alert_resolutions.position < EXCLUDED.position`,
        [data.alertId, confirmed ? 'confirmed' : 'dismissed', data.applicationIds, data.note, confirmed ? data.confirmedBy : data.dismissedBy,
          confirmed ? data.confirmedAt : data.dismissedAt, JSON.stringify(data.recoveryOrdered ?? []), event.position],
      );
    }
    return resolutions.map((event) => event.data.alertId);
  }
}
