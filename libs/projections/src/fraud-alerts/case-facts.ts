import { citizenIdKey, compatible, digitsKey, hasHouseNumber, localDate, nameKey, textKey, type ProgrammeCatalog } from '@lib/domain';
import type { StoredEvent } from '@lib/event-store';

/** A step event as the detectors need it: who, when, where in the log. */
export interface StepRecord {
  step: string;
  type: string;
  by: string;
  at: string;
  position: number;
}

export interface PaymentFact {
  amount: number;
  /** Approved minus already paid, just before this payment: what the law allowed to pay. */
  owedBefore: number;
  approvedBefore: boolean;
  decidedBefore: boolean;
  payee: string | null;
  /** An employer loan's disbursement: one worker's month (a tranche, not the whole amount owed). */
  worker?: string | null;
  at: string;
  position: number;
}

/** A finding that the support was improper: a refusal after payment, or a confirmed alert. */
export interface Judgment {
  position: number;
  at: string;
  source: 'rejected-after-payment' | 'confirmed-alert';
  /** Paid and ordered back at that moment: F15 compares them then, not later. */
  paid: number;
  recoveryOrdered: number;
}

/**
 * Everything the fraud detectors know about one application, folded from its events (and from
 * the alert resolutions that name it). Keys that cluster applications are normalised here.
 */
export interface CaseFacts {
  applicationId: string;
  programmeId: string;
  programmeVersion: number;
  category: string;
  ward: string;
  /** Digits only, compatibility forms folded (full-width digits are the same ID). */
  citizenId: string;
  fullName: string;
  /** F20: name without diacritics, case or spacing, and date of birth; the same person under another ID meets here. */
  identityKey?: string | null;
  dateOfBirth?: string | null;
  /** F20: the ward and address as text (village addresses too: a home, not a dwelling cluster). */
  homeKey?: string | null;
  claim: Record<string, unknown>;
  submittedAt: string;
  submittedPosition: number;
  bankAccount: string | null;
  phone: string | null;
  addressKey: string | null;
  householdKey: string | null;
  steps: string[];
  performed: StepRecord[];
  posting: { from: string; until: string; position: number } | null;
  approval: { months: string[]; amount: number; position: number; at: string } | null;
  decision: { decisionNo: string; position: number } | null;
  payments: PaymentFact[];
  paidAmount: number;
  /** Log positions between which the person held this support (approval, or a payment without one, until a release). */
  heldFrom: number | null;
  heldUntil: number | null;
  /** NQ 42, one support the highest: the higher application that closed this one (held until then, never alongside it). */
  supersededBy?: string | null;
  withdrawal: { on: string; position: number } | null;
  rejectedAt: number | null;
  recoveryOrdered: number;
  /** Money actually returned (SupportRecovered): F15 clears when it reaches what was paid. */
  recovered?: number;
  judgments: Judgment[];
  /** F17: approved while the programme's total was above the reported budget. */
  overBudget: { position: number; at: string; total: number } | null;
  version: number;
}

const VIETNAM = { holidays: [], utcOffsetMinutes: 420 };

/** A household business is one taxpayer; without a tax code, one business name at one address. */
const householdKeyOf = (category: string, claim: Record<string, unknown>, addressKey: string | null): string | null => {
  if (category !== '2') return null;
  const taxCode = typeof claim.taxCode === 'string' && claim.taxCode.trim() ? claim.taxCode.trim() : null;
  return taxCode ? `tax:${taxCode}` : addressKey && textKey(claim.businessName) ? `name:${textKey(claim.businessName)}@${addressKey}` : null;
};

type Data = Record<string, any>;

const stepRecord = (event: StoredEvent, by: string, at: string): StepRecord => ({ step: String(event.data.step), type: event.type, by: String(event.data[by]), at: String(event.data[at]), position: event.position });

const STEP_FIELDS: Record<string, [string, string]> = {
  SupportApplicationReviewed: ['reviewedBy', 'reviewedAt'],
  SupportApplicationPosted: ['postedBy', 'postedAt'],
  SupportApplicationApproved: ['approvedBy', 'approvedAt'],
  SupportApplicationDecided: ['decidedBy', 'decidedAt'],
  SupportApplicationRejected: ['rejectedBy', 'rejectedAt'],
  SupportApplicationPaid: ['paidBy', 'paidAt'],
};

export const CASE_FACT_EVENT_TYPES: ReadonlySet<string> = new Set([
  'SupportApplicationSubmitted', ...Object.keys(STEP_FIELDS), 'SupportApplicationWithdrawn', 'SupportRecoveryOrdered', 'SupportRecovered', 'FraudAlertConfirmed',
  'SupportApplicationSuperseded',
]);

const submittedFacts = (event: StoredEvent): CaseFacts => {
  const data = event.data as Data;
  const applicant = data.applicant ?? {};
  const claim = (data.claim ?? {}) as Record<string, unknown>;
  // A village or residential group is shared by all its people: only a dwelling clusters (F13).
  const addressKey = hasHouseNumber(applicant.address) ? textKey(applicant.address) : null;
  const ward = String(applicant.ward ?? '');
  const dateOfBirth = typeof applicant.dateOfBirth === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(applicant.dateOfBirth) ? applicant.dateOfBirth : null;
  const name = nameKey(applicant.fullName);
  return {
    applicationId: String(data.applicationId),
    programmeId: String(data.programmeId),
    programmeVersion: Number(data.programmeVersion),
    category: String(data.category),
    ward,
    citizenId: citizenIdKey(applicant.citizenId) ?? '',
    fullName: String(applicant.fullName ?? ''),
    identityKey: name && dateOfBirth ? `${name}|${dateOfBirth}` : null,
    dateOfBirth,
    homeKey: textKey(applicant.address) && `${ward}|${textKey(applicant.address)}`,
    claim,
    submittedAt: String(data.submittedAt),
    submittedPosition: event.position,
    bankAccount: digitsKey(applicant.bankAccount),
    phone: digitsKey(applicant.phone),
    addressKey: addressKey && `${ward}|${addressKey}`,
    householdKey: householdKeyOf(String(data.category), claim, addressKey && `${ward}|${addressKey}`),
    steps: Array.isArray(data.steps) ? data.steps : [],
    performed: [],
    posting: null,
    approval: null,
    decision: null,
    payments: [],
    paidAmount: 0,
    heldFrom: null,
    heldUntil: null,
    withdrawal: null,
    rejectedAt: null,
    recoveryOrdered: 0,
    recovered: 0,
    judgments: [],
    overBudget: null,
    version: event.streamVersion,
  };
};

const release = (facts: CaseFacts, position: number): CaseFacts =>
  facts.heldFrom !== null && facts.heldUntil === null ? { ...facts, heldUntil: position } : facts;

/** A payee who is the applicant is no collector. */
const payeeOf = (facts: CaseFacts, payee: unknown): string | null => {
  const key = textKey(payee);
  if (!key || key === textKey(facts.citizenId) || key === textKey(facts.fullName)) return null;
  return /^[\d\s.+-]+$/.test(compatible(String(payee))) ? (digitsKey(payee) ?? key) : key;
};

/**
 * Pure and total: the facts after one event. Application events apply once, by stream version;
 * a confirmed alert applies to each application it names, once, by log position.
 */
export const evolveCaseFacts = (facts: CaseFacts | null, event: StoredEvent, programmes: ProgrammeCatalog): CaseFacts | null => {
  const data = event.data as Data;
  if (event.type === 'SupportApplicationSubmitted') return facts ?? submittedFacts(event);
  if (!facts) return null;
  if (event.type === 'FraudAlertConfirmed') {
    if (facts.judgments.some((judgment) => judgment.position === event.position)) return facts;
    const judgment: Judgment = { position: event.position, at: String(data.confirmedAt), source: 'confirmed-alert', paid: facts.paidAmount, recoveryOrdered: facts.recoveryOrdered };
    return { ...facts, judgments: [...facts.judgments, judgment] };
  }
  if (event.streamVersion <= facts.version) return facts;
  const next: CaseFacts = { ...facts, version: event.streamVersion };
  const fields = STEP_FIELDS[event.type];
  if (fields) next.performed = [...facts.performed, stepRecord(event, ...fields)];
  switch (event.type) {
    case 'SupportApplicationPosted':
      return { ...next, posting: facts.posting ?? { from: String(data.postedFrom), until: String(data.postedUntil), position: event.position } };
    case 'SupportApplicationApproved':
      if (facts.approval) return next;
      return {
        ...next,
        approval: { months: Array.isArray(data.approvedMonths) ? data.approvedMonths : [], amount: Number(data.approvedAmount) || 0, position: event.position, at: String(data.approvedAt) },
        heldFrom: facts.heldFrom ?? event.position,
      };
    case 'SupportApplicationDecided': {
      // The provincial decision may narrow the months; the support held follows it.
      const narrowed = facts.approval && Array.isArray(data.approvedMonths) && typeof data.approvedAmount === 'number'
        ? { ...next, approval: { ...facts.approval, months: data.approvedMonths, amount: data.approvedAmount } }
        : next;
      return data.kind === 'decision' && (data.decisionNo || data.reference) && !facts.decision
        ? { ...narrowed, decision: { decisionNo: String(data.decisionNo ?? data.reference), position: event.position } }
        : narrowed;
    }
    case 'SupportApplicationSuperseded':
      return release({ ...next, supersededBy: String(data.supersededBy) }, event.position);
    case 'SupportApplicationPaid': {
      const amount = Number(data.amount) || 0;
      const payment: PaymentFact = {
        amount,
        owedBefore: (facts.approval?.amount ?? 0) - facts.paidAmount,
        approvedBefore: facts.approval !== null,
        decidedBefore: facts.decision !== null,
        payee: payeeOf(facts, data.payee),
        worker: typeof data.worker === 'string' ? data.worker : null,
        at: String(data.paidAt),
        position: event.position,
      };
      return { ...next, payments: [...facts.payments, payment], paidAmount: facts.paidAmount + amount, heldFrom: facts.heldFrom ?? event.position };
    }
    case 'SupportApplicationRejected': {
      const rejected = release({ ...next, rejectedAt: event.position }, event.position);
      if (facts.paidAmount === 0) return rejected;
      const judgment: Judgment = { position: event.position, at: String(data.rejectedAt), source: 'rejected-after-payment', paid: facts.paidAmount, recoveryOrdered: facts.recoveryOrdered };
      return { ...rejected, judgments: [...facts.judgments, judgment] };
    }
    case 'SupportApplicationWithdrawn': {
      const calendar = programmes(facts.programmeId, facts.programmeVersion)?.calendar ?? VIETNAM;
      return release({ ...next, withdrawal: { on: localDate(String(data.withdrawnAt), calendar), position: event.position } }, event.position);
    }
    case 'SupportRecoveryOrdered':
      return { ...next, recoveryOrdered: facts.recoveryOrdered + (Number(data.amount) || 0) };
    case 'SupportRecovered':
      return { ...next, recovered: (facts.recovered ?? 0) + (Number(data.amount) || 0) };
    default:
      return next;
  }
};

/**
 * What the group rules (a person, a cluster, a household, a loan's workers, a ward's refusals)
 * never read of an application: the steps and who performed them, names, the posting, the
 * judgments and recovery; those are the rules of one application, run on the facts in hand. Left
 * out, server-side, when a batch loads the members of the groups it touched: about half of each
 * document, which the projector no longer receives and parses (33,852 documents in a catch-up of
 * 40,000 applications).
 */
export const GROUP_LEFT_OUT = [
  'performed', 'steps', 'fullName', 'homeKey', 'identityKey', 'dateOfBirth', 'posting', 'decision', 'rejectedAt', 'recoveryOrdered', 'recovered', 'judgments', 'version',
] as const satisfies readonly (keyof CaseFacts)[];

/** An application's facts as the group rules see them: reading a field left out does not compile. */
export type GroupFacts = Omit<CaseFacts, (typeof GROUP_LEFT_OUT)[number]>;

/** The months the person holds under this application: as approved, else as claimed (a legacy payment without approval). */
export const monthsHeld = (facts: Pick<CaseFacts, 'approval' | 'claim'>): string[] =>
  facts.approval?.months ?? (Array.isArray(facts.claim.months) ? (facts.claim.months as string[]) : []);

/** What counts against the budget: the approved amount, or what was paid without approval. */
export const amountHeld = (facts: CaseFacts): number => facts.approval?.amount ?? facts.paidAmount;

/** An employer loan's workers (category 8) and the months each is listed for; none for a grant. */
export const loanWorkersOf = (facts: Pick<CaseFacts, 'claim'>): { citizenId: string; months: string[] }[] => {
  const workers = facts.claim.workers;
  if (!Array.isArray(workers)) return [];
  return workers.flatMap((worker: Record<string, unknown>) => {
    const citizenId = citizenIdKey(worker?.citizenId);
    return citizenId && Array.isArray(worker.months) ? [{ citizenId, months: worker.months.map(String) }] : [];
  });
};
