import { findCategory, fraudRule, type ProgrammeCatalog, type ProgrammeDefinition } from '@lib/domain';
import { monthsHeld, type GroupFacts } from '../case-facts';
import { reason, type AlertReason } from './alert-reason';
import { findingOf, membersOf, type Evidence, type Finding } from './finding';

const heldPiece = (facts: GroupFacts): Evidence => {
  const position = facts.heldFrom!;
  const at = facts.approval?.position === position ? facts.approval.at : (facts.payments.find((payment) => payment.position === position)?.at ?? facts.submittedAt);
  return { applicationId: facts.applicationId, ward: facts.ward, position, at };
};
const submittedPiece = (facts: GroupFacts): Evidence => ({ applicationId: facts.applicationId, ward: facts.ward, position: facts.submittedPosition, at: facts.submittedAt });

const overlaps = (a: readonly string[], b: readonly string[]) => a.some((month) => b.includes(month));

/**
 * Held at once: at the moment each support started, the supports the person already held.
 * Built from log positions only, so a later release never erases a time they overlapped.
 */
const momentsOfHolding = (apps: readonly GroupFacts[]): { at: GroupFacts; holders: GroupFacts[] }[] => {
  const held = apps.filter((facts) => facts.heldFrom !== null).sort((a, b) => a.heldFrom! - b.heldFrom!);
  // A support superseded by the one starting now was closed in the same append: never held alongside it (F1, F11).
  const alongside = (other: GroupFacts, at: GroupFacts) => other.heldFrom! <= at.heldFrom! && (other.heldUntil === null || other.heldUntil > at.heldFrom!) && other.supersededBy !== at.applicationId;
  return held.map((at) => ({ at, holders: held.filter((other) => alongside(other, at)) }));
};

interface Accumulated {
  apps: Map<string, GroupFacts>;
  raisedBy: Evidence | null;
  reasons: AlertReason[];
}

const accumulate = (into: Map<string, Accumulated>, key: string, apps: readonly GroupFacts[], raisedBy: Evidence, why: AlertReason) => {
  const entry: Accumulated = into.get(key) ?? { apps: new Map(), raisedBy: null, reasons: [] };
  for (const facts of apps) entry.apps.set(facts.applicationId, facts);
  if (!entry.raisedBy || raisedBy.position < entry.raisedBy.position) entry.raisedBy = raisedBy;
  entry.reasons.push(why);
  into.set(key, entry);
};

/**
 * Pure: rules about one person's applications under one programme. F1 (two categories held at
 * once, the stackable supplement aside), F3 (the same month twice, or past the month cap, in one
 * category), F11 (furlough and category 3/4 for the same month), F2 (category 4 paid in two wards).
 */
export const detectPerson = (citizenId: string, apps: readonly GroupFacts[], programme: ProgrammeDefinition): Finding[] => {
  const findings = new Map<string, Accumulated>();
  const stackable = programme.combination.stackableCategories;
  for (const { at, holders } of momentsOfHolding(apps)) {
    const raisedBy = heldPiece(at);
    const nonStackable = holders.filter((facts) => !stackable.includes(facts.category));
    const categories = [...new Set(nonStackable.map((facts) => facts.category))].sort();
    if (categories.length > 1) accumulate(findings, 'F1', nonStackable, raisedBy, reason('alert.categories-at-once', { categories }));
    for (const code of new Set(holders.map((facts) => facts.category))) {
      const same = holders.filter((facts) => facts.category === code);
      const months = same.flatMap(monthsHeld);
      const cap = findCategory(programme, code)?.maxMonths ?? Infinity;
      if (same.length > 1 && new Set(months).size < months.length) accumulate(findings, `F3|${code}`, same, raisedBy, reason('alert.category-month-twice', { category: code }));
      else if (new Set(months).size > cap) accumulate(findings, `F3|${code}`, same, raisedBy, reason('alert.category-over-cap', { category: code, count: new Set(months).size, cap }));
    }
    const furloughed = holders.filter((facts) => facts.category === '1');
    const alsoOther = holders.filter((facts) => (facts.category === '3' || facts.category === '4') && furloughed.some((f) => overlaps(monthsHeld(f), monthsHeld(facts))));
    if (furloughed.length && alsoOther.length) accumulate(findings, 'F11', [...furloughed, ...alsoOther], raisedBy, reason('alert.furloughed-and-informal'));
  }
  const paidInformal = apps.filter((facts) => facts.category === '4' && facts.paidAmount > 0);
  if (new Set(paidInformal.map((facts) => facts.ward)).size > 1) {
    const pieces = paidInformal.map((facts) => ({ applicationId: facts.applicationId, ward: facts.ward, position: facts.payments[0].position, at: facts.payments[0].at }));
    const secondWard = pieces.sort((a, b) => a.position - b.position).find((piece) => piece.ward !== pieces[0].ward)!;
    accumulate(findings, 'F2', paidInformal, secondWard, reason('alert.paid-in-wards', { wards: [...new Set(paidInformal.map((facts) => facts.ward))].sort() }));
  }
  return [...findings.entries()].flatMap(([key, entry]) => {
    const [rule, code] = key.split('|') as [Finding['rule'], string | undefined];
    if (!fraudRule(programme.fraudRules, rule)) return [];
    const members = [...entry.apps.values()];
    const evidence = members.map((facts) => (facts.heldFrom !== null ? heldPiece(facts) : submittedPiece(facts)));
    return [findingOf(rule, `person:${citizenId}:${programme.id}${code ? `:${code}` : ''}`, programme, evidence, [...entry.reasons], entry.raisedBy!)];
  });
};

export type ClusterKind = 'bankAccount' | 'phone' | 'address' | 'payee';

/**
 * F13: many people behind one bank account, phone, address (a boarding house) or payee. Counted
 * in distinct people, so one person's monthly claims are not a cluster; raised when the
 * threshold-th person joins.
 */
export const detectCluster = (kind: ClusterKind, value: string, apps: readonly GroupFacts[], programme: ProgrammeDefinition): Finding[] => {
  const threshold = fraudRule(programme.fraudRules, 'F13')?.thresholds?.[kind];
  if (!threshold) return [];
  const pieces = apps.map((facts) => {
    if (kind !== 'payee') return submittedPiece(facts);
    const payment = facts.payments.find((candidate) => candidate.payee === value)!;
    return { applicationId: facts.applicationId, ward: facts.ward, position: payment.position, at: payment.at };
  }).sort((a, b) => a.position - b.position);
  // Lookups by map and set: a group can hold thousands (one phone given by every applicant of a
  // campaign), and a search per member made each batch quadratic in the group's size.
  const citizenOf = new Map(apps.map((facts) => [facts.applicationId, facts.citizenId]));
  const people = new Set<string>();
  let raisedBy: Evidence | null = null;
  for (const piece of pieces) {
    people.add(citizenOf.get(piece.applicationId)!);
    if (!raisedBy && people.size >= threshold) raisedBy = piece;
  }
  if (!raisedBy) return [];
  const finding = findingOf('F13', `${kind}:${value}`, programme, pieces, [reason(CLUSTER_REASON[kind], { people: people.size })], raisedBy);
  // An account, phone or address cluster only grows: its applications are the alert's members (alert-members.ts).
  return [kind === 'payee' ? finding : { ...finding, members: membersOf(pieces) }];
};

const CLUSTER_REASON = { bankAccount: 'alert.shared-bank-account', phone: 'alert.shared-phone', address: 'alert.shared-address', payee: 'alert.shared-payee' } as const;

/**
 * F13 grown by the applications that joined an account, phone or address cluster whose alert is
 * already raised: their pieces, and the count of people over the whole cluster. Stored, they are
 * added to the alert's members (alert-members.ts), and its earliest raise stays
 * (fraud-alerts.projection.ts).
 */
export const grownClusterFinding = (kind: Exclude<ClusterKind, 'payee'>, value: string, joined: readonly GroupFacts[], people: number, programme: ProgrammeDefinition): Finding => {
  const pieces = joined.map(submittedPiece);
  return { ...findingOf('F13', `${kind}:${value}`, programme, pieces, [reason(CLUSTER_REASON[kind], { people })]), members: membersOf(pieces) };
};

/** F3 (household business): one household paid twice for a month, through different people. */
export const detectHousehold = (key: string, apps: readonly GroupFacts[], programme: ProgrammeDefinition): Finding[] => {
  const paid = apps.filter((facts) => facts.paidAmount > 0).sort((a, b) => a.payments[0].position - b.payments[0].position);
  const clash = paid.filter((facts) => paid.some((other) => other.citizenId !== facts.citizenId && overlaps(monthsHeld(other), monthsHeld(facts))));
  if (clash.length < 2 || !fraudRule(programme.fraudRules, 'F3')) return [];
  const pieces = clash.map((facts) => ({ applicationId: facts.applicationId, ward: facts.ward, position: facts.payments[0].position, at: facts.payments[0].at }));
  return [findingOf('F3', `household:${key}`, programme, pieces, [reason('alert.household-paid-twice')], pieces[1])];
};

/** F14: a burst of "voluntary" refusals (withdrawals) in one commune on one day. */
export const detectRefusalBurst = (ward: string, day: string, apps: readonly GroupFacts[], programme: ProgrammeDefinition): Finding[] => {
  const threshold = fraudRule(programme.fraudRules, 'F14')?.thresholds?.refusalsPerWardDay;
  if (!threshold || apps.length < threshold) return [];
  const pieces = apps.map((facts) => ({ applicationId: facts.applicationId, ward: facts.ward, position: facts.withdrawal!.position, at: facts.withdrawal!.on })).sort((a, b) => a.position - b.position);
  return [findingOf('F14', `refusals:${ward}:${day}`, programme, pieces, [reason('alert.withdrawal-burst', { count: apps.length, ward, day })], pieces[threshold - 1])];
};

/** F17: approvals made while the programme's running total stood above the reported budget. */
export const detectOverBudget = (apps: readonly GroupFacts[], programme: ProgrammeDefinition): Finding[] => {
  const budget = fraudRule(programme.fraudRules, 'F17')?.thresholds?.budgetVnd;
  const over = apps.filter((facts) => facts.overBudget);
  if (!budget || over.length === 0) return [];
  const pieces = over.map((facts) => ({ applicationId: facts.applicationId, ward: facts.ward, position: facts.overBudget!.position, at: facts.overBudget!.at }));
  const peak = Math.max(...over.map((facts) => facts.overBudget!.total));
  return [{ ...findingOf('F17', `budget:${programme.id}`, programme, pieces, [reason('alert.over-budget', { total: peak, budget })]), members: membersOf(pieces) }];
};

/** The programme version an application was filed under, for its rule parameters. */
export const programmeOf = (facts: GroupFacts, programmes: ProgrammeCatalog): ProgrammeDefinition | undefined => programmes(facts.programmeId, facts.programmeVersion);
