import type { EntityManager } from 'typeorm';
import { fraudRule, type ProgrammeCatalog } from '@lib/domain';
import { GROUP_LEFT_OUT, loanWorkersOf, type CaseFacts, type GroupFacts } from './case-facts';
import { detectCluster, detectHousehold, detectOverBudget, detectPerson, detectRefusalBurst, grownClusterFinding, type ClusterKind } from './detectors/group-detectors';
import type { AlertReason } from './detectors/alert-reason';
import { alertIdOf, type Finding } from './detectors/finding';
import { detectIdentity, growIdentity, type IdentityFacts, type IdentityPair, type StoredIdentityAlert } from './detectors/identity-detector';
import { FURLOUGH_CATEGORY, detectLoanWorker } from './detectors/loan-worker-detector';

/** The groups a batch changed: only they are looked at again. */
export class TouchedGroups {
  readonly persons = new Set<string>();
  readonly clusters: Record<ClusterKind, Set<string>> = { bankAccount: new Set(), phone: new Set(), address: new Set(), payee: new Set() };
  /** The applications that joined an account, phone or address cluster in this batch, by cluster. */
  readonly joined: Record<GrowingKind, Map<string, CaseFacts[]>> = { bankAccount: new Map(), phone: new Map(), address: new Map() };
  readonly households = new Set<string>();
  /** Name and date of birth (F20): a new application may be someone already known under another ID. */
  readonly identities = new Set<string>();
  /** The applications filed in this batch that have an identity key: the newest of their groups. */
  readonly freshIdentities = new Set<string>();
  /** F19: workers of employer loans, and furloughed workers (category 1), whose holding moved. */
  readonly loanWorkers = new Set<string>();
  readonly refusals = new Set<string>();
  readonly budgets = new Set<string>();
  /** Applications that went over the programme's budget in this batch (F17). */
  readonly overBudget: CaseFacts[] = [];

  /** What changed between two versions of one application's facts. */
  note(before: CaseFacts | null, after: CaseFacts): void {
    // A person's rules look at what they held and were paid, so only those moves wake them.
    if ((before?.heldFrom ?? null) !== after.heldFrom || (before?.heldUntil ?? null) !== after.heldUntil || (before?.payments.length ?? 0) !== after.payments.length) {
      this.persons.add(after.citizenId);
      for (const worker of loanWorkersOf(after)) this.loanWorkers.add(worker.citizenId);
      if (after.category === FURLOUGH_CATEGORY) this.loanWorkers.add(after.citizenId);
    }
    if (!before) {
      for (const kind of GROWING) {
        const value = clusterValue(kind, after);
        if (!value) continue;
        this.clusters[kind].add(value);
        const members = this.joined[kind].get(value);
        if (members) members.push(after);
        else this.joined[kind].set(value, [after]);
      }
      if (after.identityKey) {
        this.identities.add(after.identityKey);
        this.freshIdentities.add(after.applicationId);
      }
    }
    if (after.payments.length !== (before?.payments.length ?? 0)) {
      for (const payment of after.payments) if (payment.payee) this.clusters.payee.add(payment.payee);
      if (after.householdKey) this.households.add(after.householdKey);
    }
    if (after.withdrawal && !before?.withdrawal) this.refusals.add(`${after.ward}|${after.withdrawal.on}`);
    if (after.overBudget && !before?.overBudget) {
      this.budgets.add(after.programmeId);
      this.overBudget.push(after);
    }
  }
}

const COLUMN: Record<ClusterKind, string> = { bankAccount: 'bank_account', phone: 'phone', address: 'address_key', payee: 'payees' };

/**
 * Clusters an application joins when it is filed and never leaves (the account, phone and
 * address are the applicant's as filed), so their F13 alert only ever grows. A payee cluster is
 * not one of them: it is built from payments.
 */
type GrowingKind = Exclude<ClusterKind, 'payee'>;
const GROWING: readonly GrowingKind[] = ['bankAccount', 'phone', 'address'];
const clusterValue = (kind: GrowingKind, facts: CaseFacts): string | null => ({ bankAccount: facts.bankAccount, phone: facts.phone, address: facts.addressKey })[kind];

/** SQL naming the alerts the upsert grows instead of replacing (fraud-alerts.projection.ts): F17, F20, and F13 on an account, phone or address. */
export const GROWING_ALERT_SQL = `(a.rule IN ('F17', 'F20') OR (a.rule = 'F13' AND split_part(a.subject, ':', 1) IN (${GROWING.map((kind) => `'${kind}'`).join(', ')})))`;

/**
 * F13 on the clusters a batch's new applications joined, without loading a cluster that is
 * already an alert: one phone given by every applicant of a campaign makes a cluster of
 * thousands, and loading and rewriting all of it on every batch made the live projector's
 * batches cost in proportion to it (hundreds of milliseconds each under steady intake). Per
 * touched cluster, one statement counts its people and says whether its alert exists:
 * - below its threshold: no finding (what the detector would say over all of it);
 * - already raised: a finding of this batch's members only, with the whole cluster's count;
 *   the upsert adds them to the alert (earliest raise kept), as it does for F17;
 * - reaching the threshold now: left in `touched` for the full detector, once.
 * The settled clusters are taken out of `touched.clusters`.
 */
const growClusters = async (manager: EntityManager, touched: TouchedGroups, programmes: ProgrammeCatalog): Promise<Finding[]> => {
  const asked = GROWING.flatMap((kind) => [...touched.joined[kind].keys()].map((value) => ({ kind, value, alertId: alertIdOf('F13', `${kind}:${value}`) })));
  if (asked.length === 0) return [];
  // Set-based, one indexed lookup per kind: a catch-up batch asks about thousands of clusters,
  // and a subquery per cluster was costed high enough for PostgreSQL to JIT-compile the
  // statement on every batch (a third of a second each).
  const counted: { kind: GrowingKind; value: string; people: number; raised: boolean }[] = await manager.query(
    `WITH asked AS (SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[]) AS t(kind, value, alert_id)),
          counts AS (
            SELECT 'bankAccount' AS kind, bank_account AS value, count(DISTINCT citizen_id) AS people FROM fraud_case_facts
             WHERE bank_account IN (SELECT value FROM asked WHERE kind = 'bankAccount') GROUP BY bank_account
            UNION ALL
            SELECT 'phone', phone, count(DISTINCT citizen_id) FROM fraud_case_facts WHERE phone IN (SELECT value FROM asked WHERE kind = 'phone') GROUP BY phone
            UNION ALL
            SELECT 'address', address_key, count(DISTINCT citizen_id) FROM fraud_case_facts WHERE address_key IN (SELECT value FROM asked WHERE kind = 'address') GROUP BY address_key)
     SELECT a.kind, a.value, coalesce(c.people, 0)::int AS people, f.id IS NOT NULL AS raised
       FROM asked a LEFT JOIN counts c ON c.kind = a.kind AND c.value = a.value LEFT JOIN fraud_alerts f ON f.id = a.alert_id`,
    [asked.map((one) => one.kind), asked.map((one) => one.value), asked.map((one) => one.alertId)],
  );
  const findings: Finding[] = [];
  for (const { kind, value, people, raised } of counted) {
    const joined = touched.joined[kind].get(value)!;
    const programme = programmes(joined[0].programmeId, joined[0].programmeVersion);
    const threshold = programme && fraudRule(programme.fraudRules, 'F13')?.thresholds?.[kind];
    if (!threshold) continue;
    if (people < threshold) touched.clusters[kind].delete(value);
    else if (raised) {
      findings.push(grownClusterFinding(kind, value, joined, people, programme));
      touched.clusters[kind].delete(value);
    }
  }
  return findings;
};

const groupBy = <K, Facts = GroupFacts>(facts: readonly Facts[], key: (facts: Facts) => K[]): Map<K, Facts[]> => {
  const groups = new Map<K, Facts[]>();
  // Pushed, not copied: a large group (one phone shared by thousands) was copied once per member.
  for (const one of facts) {
    for (const k of key(one)) {
      const group = groups.get(k);
      if (group) group.push(one);
      else groups.set(k, [one]);
    }
  }
  return groups;
};

/** Each group's programme: the one its first application was filed under. */
const under = <Facts extends Pick<CaseFacts, 'programmeId' | 'programmeVersion'>>(groups: Map<string, Facts[]>, programmes: ProgrammeCatalog, detect: (key: string, apps: Facts[], programme: NonNullable<ReturnType<ProgrammeCatalog>>) => Finding[]): Finding[] =>
  [...groups.entries()].flatMap(([key, apps]) => {
    const programme = programmes(apps[0].programmeId, apps[0].programmeVersion);
    return programme ? detect(key, apps, programme) : [];
  });

/**
 * Every touched group's applications in one statement, one branch per kind of group, each on its
 * own index: a batch made one read per kind, and an application in several touched groups (a new
 * one touches its phone, account and address) came back and was parsed once per group. Each comes
 * without what the group rules never read (GROUP_LEFT_OUT). Names and birthdays are read apart,
 * with only what F20 uses (loadIdentities).
 */
const loadTouched = async (manager: EntityManager, touched: TouchedGroups): Promise<GroupFacts[]> => {
  const values: unknown[] = [];
  const branches: string[] = [];
  const param = (value: unknown, type: string) => `$${values.push(value)}::${type}`;
  const branch = (keys: ReadonlySet<string>, where: (keys: string) => string) => {
    if (keys.size) branches.push(`SELECT application_id FROM fraud_case_facts WHERE ${where(param([...keys], 'text[]'))}`);
  };
  branch(touched.persons, (keys) => `citizen_id = ANY(${keys})`);
  for (const kind of Object.keys(COLUMN) as ClusterKind[]) branch(touched.clusters[kind], (keys) => (kind === 'payee' ? `payees && ${keys}` : `${COLUMN[kind]} = ANY(${keys})`));
  branch(touched.households, (keys) => `household_key = ANY(${keys})`);
  branch(touched.loanWorkers, (keys) => `citizen_id = ANY(${keys}) OR loan_workers && ${keys}`);
  if (touched.refusals.size) {
    const pairs = [...touched.refusals].map((pair) => pair.split('|'));
    branches.push(`SELECT application_id FROM fraud_case_facts WHERE (ward, withdrawn_on) IN (SELECT * FROM unnest(${param(pairs.map(([ward]) => ward), 'text[]')}, ${param(pairs.map(([, day]) => day), 'date[]')}))`);
  }
  if (branches.length === 0) return [];
  // ANY(ARRAY(...)), not IN (...): the loan-worker branch's estimate (GIN `&&`, most arrays empty)
  // runs to tens of thousands of rows, and the planner then read the whole table by a sequential
  // scan on every batch, a cost growing with the province; the members are a few hundred.
  const rows: { facts: GroupFacts }[] = await manager.query(
    `SELECT facts - ${param(GROUP_LEFT_OUT, 'text[]')} AS facts FROM fraud_case_facts WHERE application_id = ANY(ARRAY(${branches.join(' UNION ')}))`,
    values,
  );
  return rows.map((row) => row.facts);
};

/**
 * The applications under these names and birthdays, only what F20 reads of them (the `identity`
 * column the projection writes beside the facts): a ring grows by every filing under its name
 * (the bench's mix files hundreds), and each batch reads every member.
 */
const loadIdentities = async (manager: EntityManager, identityKeys: ReadonlySet<string>): Promise<IdentityFacts[]> => {
  const rows: { identity: IdentityFacts }[] = await manager.query(`SELECT identity FROM fraud_case_facts WHERE identity_key = ANY($1::text[])`, [[...identityKeys]]);
  return rows.map((row) => row.identity);
};

/** Runs the detectors of each touched group over its applications (facts already saved for this batch). */
export const detectTouchedGroups = async (manager: EntityManager, touched: TouchedGroups, programmes: ProgrammeCatalog): Promise<Finding[]> => {
  const findings: Finding[] = await growClusters(manager, touched, programmes);
  // Loaded together, so each group keeps only its members among them.
  const facts = await loadTouched(manager, touched);
  if (touched.persons.size) {
    const members = facts.filter((one) => touched.persons.has(one.citizenId));
    findings.push(...under(groupBy(members, (one) => [`${one.citizenId}|${one.programmeId}`]), programmes, (key, apps, programme) => detectPerson(key.split('|')[0], apps, programme)));
  }
  for (const kind of Object.keys(COLUMN) as ClusterKind[]) {
    const keys = touched.clusters[kind];
    if (keys.size === 0) continue;
    const keyOf = (one: GroupFacts): string[] => {
      if (kind !== 'payee') {
        const value = { bankAccount: one.bankAccount, phone: one.phone, address: one.addressKey }[kind];
        return value && keys.has(value) ? [value] : [];
      }
      return [...new Set(one.payments.flatMap((payment) => (payment.payee && keys.has(payment.payee) ? [payment.payee] : [])))];
    };
    findings.push(...under(groupBy(facts, keyOf), programmes, (value, apps, programme) => detectCluster(kind, value, apps, programme)));
  }
  if (touched.households.size) {
    const members = facts.filter((one) => one.householdKey !== null && one.householdKey !== undefined && touched.households.has(one.householdKey));
    findings.push(...under(groupBy(members, (one) => [one.householdKey!]), programmes, (key, apps, programme) => detectHousehold(key, apps, programme)));
  }
  if (touched.identities.size) {
    const members = await loadIdentities(manager, touched.identities);
    const groups = groupBy(members, (one) => [`${one.identityKey}#${one.programmeId}`]);
    const raised = await storedIdentityAlerts(manager, [...groups.keys()].map((key) => key.split('#')[0]));
    findings.push(...under(groups, programmes, (key, apps, programme) => {
      const identityKey = key.split('#')[0];
      const stored = raised.get(identityKey);
      return stored ? growIdentity(identityKey, apps, touched.freshIdentities, stored, programme) : detectIdentity(identityKey, apps, programme);
    }));
  }
  // F19: each worker whose support or loan moved, with their own applications and the loans listing them.
  if (touched.loanWorkers.size) {
    const wanted = touched.loanWorkers;
    const keysOf = (one: GroupFacts): string[] =>
      [...new Set([one.citizenId, ...loanWorkersOf(one).map((worker) => worker.citizenId)])].filter((id) => wanted.has(id)).map((id) => `${id}|${one.programmeId}`);
    const groups = new Map([...groupBy(facts, keysOf)].filter(([, apps]) => apps.some((one) => loanWorkersOf(one).length > 0)));
    findings.push(...under(groups, programmes, (key, apps, programme) => detectLoanWorker(key.split('|')[0], apps, programme)));
  }
  if (touched.refusals.size) {
    const members = facts.filter((one) => one.withdrawal && touched.refusals.has(`${one.ward}|${one.withdrawal.on}`));
    findings.push(...under(groupBy(members, (one) => [`${one.ward}|${one.withdrawal!.on}`]), programmes, (key, apps, programme) => detectRefusalBurst(key.split('|')[0], key.split('|')[1], apps, programme)));
  }
  if (touched.budgets.size) {
    // F17 grows by the applications that went over budget in this batch, added to the alert so
    // far: an application once over stays over, so this is the alert over all of them, without
    // loading them all again on every batch (quadratic: a province's rebuild crawled to a halt).
    const fresh = under(groupBy(touched.overBudget, (one) => [one.programmeId]), programmes, (_key, apps, programme) => detectOverBudget(apps, programme));
    for (const finding of fresh) findings.push(await grownBudgetFinding(manager, finding));
  }
  return findings;
};

/**
 * The F20 alerts already raised on these identities, as growIdentity needs them: a ring of
 * hundreds is then scored only for its new members, not pair by pair all over again (a
 * group of n costs n²/2 scorings a batch; the HTTP mix's ring of 400 made the live projector's
 * batches take seconds).
 */
const storedIdentityAlerts = async (manager: EntityManager, identityKeys: readonly string[]): Promise<Map<string, StoredIdentityAlert>> => {
  const ids = new Map(identityKeys.map((key) => [alertIdOf('F20', `identity:${key}`), key]));
  if (ids.size === 0) return new Map();
  const rows: { id: string; reasons: AlertReason[]; details: { pairs?: IdentityPair[]; pairsTotal?: number } | null }[] =
    await manager.query(`SELECT id, reasons, details FROM fraud_alerts WHERE id = ANY($1::uuid[])`, [[...ids.keys()]]);
  return new Map(rows.map((row) => {
    const params = row.reasons.find((one) => one.key === 'alert.probable-same-person')?.params ?? {};
    const pairs = row.details?.pairs ?? [];
    // Alerts stored before pairsTotal listed every pair.
    return [ids.get(row.id)!, { citizenIds: (params.citizenIds as string[] | undefined) ?? [], score: Number(params.score ?? 0), pairs, pairsTotal: row.details?.pairsTotal ?? pairs.length }];
  }));
};

const peakOf = (reasons: readonly AlertReason[]): number => Math.max(0, ...reasons.map((reason) => Number(reason.params.total ?? 0)));

/**
 * The F17 finding over this batch's new pieces; the upsert adds its applications, wards and
 * evidence to the stored alert's (fraud-alerts.projection.ts), and the earliest raise is kept
 * there too. Only the reason, the highest total reached, is settled here.
 */
const grownBudgetFinding = async (manager: EntityManager, finding: Finding): Promise<Finding> => {
  const [stored] = await manager.query(`SELECT reasons FROM fraud_alerts WHERE id = $1`, [alertIdOf(finding.rule, finding.subject)]);
  return stored && peakOf(stored.reasons) > peakOf(finding.reasons) ? { ...finding, reasons: [...stored.reasons] } : finding;
};
