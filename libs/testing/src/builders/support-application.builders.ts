import {
  decide,
  evolve,
  initialState,
  type Actor,
  type Applicant,
  type Claim,
  type PerformSupportStep,
  type ProgrammeCatalog,
  type RecordSupportPayment,
  type RecordSupportRecovery,
  type Role,
  type StepKind,
  type SubmitSupportApplication,
  type SupportApplication,
  type SupportApplicationApproved,
  type SupportApplicationCommand,
  type SupportApplicationDecided,
  type SupportApplicationEvent,
  type SupportApplicationPaid,
  type SupportApplicationPosted,
  type SupportApplicationRejected,
  type SupportApplicationReviewed,
  type SupportApplicationSubmitted,
  type SupportApplicationWithdrawn,
  type SupportRecovered,
  type SupportRecoveryOrdered,
  type WithdrawSupportApplication,
} from '@lib/domain';
import { deciderSpec } from '../decider-spec';
import { shippedCatalog } from '../programmes';

/*
 * Builders for support-application specs. Every id and time is fixed, so a spec reads the same
 * on every run: one applicant (ward W01) files in May 2020 and each step of the shipped
 * nq42-2020 v1 workflow happens on a fixed later day, by its own officer.
 */

export const APPLICATION_ID = '3f6c1b2a-5d4e-4f80-9a1b-2c3d4e5f6a7b';
export const PROGRAMME_ID = 'nq42-2020';
export const WARD = 'W01';
export const OTHER_WARD = 'W02';

export type CategoryCode = '1' | '2' | '3' | '4' | '5' | '6' | '7';
export const CATEGORIES: readonly CategoryCode[] = ['1', '2', '3', '4', '5', '6', '7'];

/** An officer as the identity provider asserts them: one role, a ward (null for district and province) and an id. */
export const officer = (role: Role, ward: string | null, id: string): Actor => ({ id, roles: [role], ward });

/** The same officer also holding other roles (a small commune where one person wears two hats). */
export const alsoActingAs = (actor: Actor, ...roles: Role[]): Actor => ({ ...actor, roles: [...actor.roles, ...roles] });

/** The same officer posted to another ward. */
export const inWard = (actor: Actor, ward: string | null): Actor => ({ ...actor, ward });

export const intakeOfficer = officer('intake-officer', WARD, 'intake-lan');
export const villageReviewer = officer('village-reviewer', WARD, 'reviewer-hoa');
export const wardApprover = officer('ward-approver', WARD, 'approver-minh');
export const socialInsuranceOfficer = officer('social-insurance-officer', null, 'bhxh-quang');
export const taxOfficer = officer('tax-officer', null, 'tax-thu');
export const districtAppraiser = officer('district-appraiser', null, 'appraiser-tuan');
export const provinceApprover = officer('province-approver', null, 'chairman-son');
export const treasurer = officer('treasurer', WARD, 'treasurer-mai');
export const inspector = officer('inspector', null, 'inspector-khanh');
export const auditor = officer('auditor', null, 'auditor-phuong');

export const anApplicant = (overrides: Partial<Applicant> = {}): Applicant => ({
  citizenId: '001080012345',
  fullName: 'Nguyễn Thị Hạnh',
  dateOfBirth: '1980-03-14',
  ward: WARD,
  address: 'Số 12, tổ dân phố 3, phường Chi Lăng, TP Lạng Sơn',
  phone: '0912345678',
  ...overrides,
});

/** A claim each category of nq42-2020 v1 accepts; categories 5 to 7 give no months (the whole window). */
const CLAIMS: Record<CategoryCode, Record<string, unknown>> = {
  '1': {
    months: ['2020-04', '2020-05', '2020-06'],
    employerName: 'Công ty TNHH May Lạng Sơn',
    employerTaxCode: '4900123456',
    suspensionStart: '2020-04-01',
    suspensionEnd: '2020-06-30',
    socialInsured: true,
    employerUnableToPay: true,
  },
  '2': {
    months: ['2020-04', '2020-05', '2020-06'],
    businessName: 'Quán phở Hạnh',
    taxCode: '4900987654',
    revenue2020: 80_000_000,
    suspendedFrom: '2020-04-01',
    closureDecisionRef: '1010/QĐ-UBND',
  },
  '3': {
    months: ['2020-05', '2020-06'],
    contractSignedOn: '2019-06-01',
    terminatedOn: '2020-05-04',
    socialInsured: true,
    receivingUnemploymentBenefit: false,
    monthlyIncome: 0,
  },
  '4': {
    months: ['2020-04', '2020-05'],
    occupation: 'street-vendor',
    jobLostOn: '2020-04-10',
    monthlyIncome: 500_000,
    residence: 'permanent',
  },
  '5': { allowanceRegisterNo: 'NCC-LS-0412' },
  '6': { socialAssistanceRegisterNo: 'BTXH-LS-2231' },
  '7': { povertyListRef: 'DSHN-2019-LS-0042', householdMembers: 9, listStatus: 'poor' },
};

const WHOLE_WINDOW = ['2020-04', '2020-05', '2020-06'];

/** rate × claimed months (× household members), worked out by hand from the definition. */
export const CLAIMED_AMOUNTS: Record<CategoryCode, number> = {
  '1': 3 * 1_800_000,
  '2': 3 * 1_000_000,
  '3': 2 * 1_000_000,
  '4': 2 * 1_000_000,
  '5': 3 * 500_000,
  '6': 3 * 500_000,
  '7': 9 * 3 * 250_000,
};

/** Each category's workflow in nq42-2020 v1, step by step, as the definition is expected to say. */
export const WORKFLOWS: Record<CategoryCode, ReadonlyArray<readonly [string, StepKind]>> = {
  '1': [['intake', 'intake'], ['social-insurance-confirmation', 'review'], ['district-appraisal', 'approval'], ['provincial-decision', 'decision'], ['payment', 'payment']],
  '2': [
    ['intake', 'intake'], ['village-review', 'review'], ['public-posting', 'posting'], ['ward-approval', 'approval'],
    ['tax-appraisal', 'review'], ['district-review', 'review'], ['provincial-decision', 'decision'], ['payment', 'payment'],
  ],
  '3': [['intake', 'intake'], ['village-review', 'review'], ['ward-approval', 'approval'], ['district-appraisal', 'review'], ['provincial-decision', 'decision'], ['payment', 'payment']],
  '4': [
    ['intake', 'intake'], ['village-review', 'review'], ['public-posting', 'posting'], ['ward-approval', 'approval'],
    ['district-appraisal', 'review'], ['provincial-decision', 'decision'], ['payment', 'payment'],
  ],
  '5': [['intake', 'intake'], ['village-review', 'review'], ['ward-approval', 'approval'], ['provincial-decision', 'decision'], ['payment', 'payment']],
  '6': [['intake', 'intake'], ['village-review', 'review'], ['ward-approval', 'approval'], ['provincial-decision', 'decision'], ['payment', 'payment']],
  '7': [['intake', 'intake'], ['village-review', 'review'], ['ward-approval', 'approval'], ['provincial-decision', 'decision'], ['payment', 'payment']],
};

export const stepsOf = (category: CategoryCode): string[] => WORKFLOWS[category].map(([name]) => name);

/** A valid claim for the category, as a citizen files it; `overrides` replace (or, with undefined, blank) fields. */
export const claimFor = (category: CategoryCode, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...structuredClone(CLAIMS[category]),
  ...overrides,
});

/** The claim as the Submitted event records it: months sorted, the whole window for one-off categories, blanks dropped. */
export const filedClaim = (category: CategoryCode, overrides: Record<string, unknown> = {}): Claim => {
  const raw = claimFor(category, overrides);
  const months = Array.isArray(raw.months) ? [...(raw.months as string[])].sort() : WHOLE_WINDOW;
  const fields = Object.fromEntries(Object.entries(raw).filter(([key, value]) => key !== 'months' && value !== undefined && value !== null));
  return { months, ...fields } as Claim;
};

interface StepDefaults {
  by: Actor;
  at: string;
  data?: Partial<PerformSupportStep['data']>;
}

/** Who performs each shipped step, when, and what they record, unless a spec says otherwise. */
const STEP_DEFAULTS: Record<string, StepDefaults> = {
  intake: { by: intakeOfficer, at: '2020-05-18T02:00:00.000Z' },
  'village-review': { by: villageReviewer, at: '2020-05-19T02:00:00.000Z', data: { minutesRef: 'BB-12/2020' } },
  'social-insurance-confirmation': { by: socialInsuranceOfficer, at: '2020-05-19T03:00:00.000Z', data: { reference: 'BHXH-LS-0519' } },
  'public-posting': {
    by: intakeOfficer,
    at: '2020-05-21T09:00:00.000Z',
    data: { postedFrom: '2020-05-19', postedUntil: '2020-05-21', reference: 'Nhà văn hoá tổ dân phố 3' },
  },
  'ward-approval': { by: wardApprover, at: '2020-05-22T02:00:00.000Z' },
  'district-appraisal': { by: districtAppraiser, at: '2020-05-25T02:00:00.000Z' },
  'tax-appraisal': { by: taxOfficer, at: '2020-05-25T03:00:00.000Z' },
  'district-review': { by: districtAppraiser, at: '2020-05-26T02:00:00.000Z' },
  'provincial-decision': { by: provinceApprover, at: '2020-05-27T02:00:00.000Z', data: { decisionNo: '1520/QĐ-UBND' } },
  payment: { by: treasurer, at: '2020-05-29T02:00:00.000Z' },
};

/** Times for what is not a step. */
export const WITHDRAWN_AT = '2020-05-20T07:30:00.000Z';
export const RECOVERY_ORDERED_AT = '2020-08-12T02:00:00.000Z';
export const RECOVERED_AT = '2020-08-26T02:00:00.000Z';

const defaultsOf = (step: string): StepDefaults => {
  const defaults = STEP_DEFAULTS[step];
  if (!defaults) throw new Error(`no default officer for step ${step}: pass { by, at }`);
  return defaults;
};

const actorOf = (step: string, by: Actor | undefined): Actor => by ?? defaultsOf(step).by;
const timeOf = (step: string, at: string | undefined): string => at ?? defaultsOf(step).at;

interface Acting {
  by?: Actor;
  at?: string;
  applicationId?: string;
}

export interface SubmitOptions extends Acting {
  category: string;
  /** The whole claim; defaults to `claimFor(category)`. */
  claim?: Record<string, unknown>;
  applicant?: Applicant;
  programmeId?: string;
}

export const submitCommand = ({ category, claim, applicant, programmeId = PROGRAMME_ID, by, at, applicationId = APPLICATION_ID }: SubmitOptions): SubmitSupportApplication => ({
  type: 'SubmitSupportApplication',
  data: {
    applicationId,
    programmeId,
    category,
    applicant: applicant ?? anApplicant(),
    claim: claim ?? (category in CLAIMS ? claimFor(category as CategoryCode) : {}),
  },
  metadata: { actor: actorOf('intake', by), now: timeOf('intake', at) },
});

export type StepOptions = Acting & Partial<Omit<PerformSupportStep['data'], 'applicationId' | 'step'>>;

/** Performs `step`; the shipped steps come with their usual officer, time and record (minutes, posting dates, decision no.). */
export const stepCommand = (step: string, { by, at, applicationId = APPLICATION_ID, ...data }: StepOptions = {}): PerformSupportStep => {
  const defaults = STEP_DEFAULTS[step];
  return {
    type: 'PerformSupportStep',
    data: { applicationId, step, outcome: 'completed', ...defaults?.data, ...data },
    metadata: { actor: actorOf(step, by), now: timeOf(step, at) },
  };
};

export const rejectCommand = (step: string, reason: string, options: StepOptions = {}): PerformSupportStep =>
  stepCommand(step, { ...options, outcome: 'rejected', reason });

export interface PaymentOptions extends Acting {
  method?: RecordSupportPayment['data']['method'];
  reference?: string;
}

export const PAYMENT_REFERENCE = 'BĐLS-CT-000123';

export const paymentCommand = (amount: number, { method = 'post-office', reference = PAYMENT_REFERENCE, by, at, applicationId = APPLICATION_ID }: PaymentOptions = {}): RecordSupportPayment => ({
  type: 'RecordSupportPayment',
  data: { applicationId, amount, method, reference },
  metadata: { actor: actorOf('payment', by), now: timeOf('payment', at) },
});

export const withdrawCommand = (reason: string, { by = intakeOfficer, at = WITHDRAWN_AT, applicationId = APPLICATION_ID }: Acting = {}): WithdrawSupportApplication => ({
  type: 'WithdrawSupportApplication',
  data: { applicationId, reason },
  metadata: { actor: by, now: at },
});

export const RECOVERY_REASON = 'not on the approved 2019 poor-household list after re-review';

export const orderRecoveryCommand = (amount: number, { reason = RECOVERY_REASON, by = inspector, at = RECOVERY_ORDERED_AT, applicationId = APPLICATION_ID }: Acting & { reason?: string } = {}): RecordSupportRecovery => ({
  type: 'RecordSupportRecovery',
  data: { applicationId, action: 'ordered', amount, reason },
  metadata: { actor: by, now: at },
});

export const recoverCommand = (amount: number, { reason = RECOVERY_REASON, by = inspector, at = RECOVERED_AT, applicationId = APPLICATION_ID }: Acting & { reason?: string } = {}): RecordSupportRecovery => ({
  type: 'RecordSupportRecovery',
  data: { applicationId, action: 'recovered', amount, reason },
  metadata: { actor: by, now: at },
});

export interface SubmittedOptions extends Acting {
  claim?: Claim;
  claimedAmount?: number;
  applicant?: Applicant;
  steps?: string[];
  programmeId?: string;
  programmeVersion?: number;
  receivedOn?: string;
}

/** The Submitted event of a valid claim in `category` (nq42-2020 v1 unless told otherwise). */
export const submitted = (
  category: CategoryCode,
  { claim, claimedAmount, applicant, steps, programmeId = PROGRAMME_ID, programmeVersion = 1, by, at, applicationId = APPLICATION_ID, receivedOn }: SubmittedOptions = {},
): SupportApplicationSubmitted => ({
  type: 'SupportApplicationSubmitted',
  data: {
    applicationId,
    programmeId,
    programmeVersion,
    category,
    applicant: applicant ?? anApplicant(),
    claim: claim ?? filedClaim(category),
    claimedAmount: claimedAmount ?? CLAIMED_AMOUNTS[category],
    // Received the day it was taken in, in Vietnam (UTC+7), unless told otherwise.
    receivedOn: receivedOn ?? new Date(Date.parse(timeOf('intake', at)) + 7 * 3_600_000).toISOString().slice(0, 10),
    steps: steps ?? stepsOf(category),
    submittedBy: actorOf('intake', by).id,
    submittedAt: timeOf('intake', at),
  },
});

export const reviewed = (step: string, { by, at, applicationId = APPLICATION_ID, minutesRef, reason }: Acting & { minutesRef?: string; reason?: string } = {}): SupportApplicationReviewed => ({
  type: 'SupportApplicationReviewed',
  data: {
    applicationId,
    step,
    outcome: 'confirmed',
    minutesRef: minutesRef ?? STEP_DEFAULTS[step]?.data?.minutesRef,
    reason,
    reviewedBy: actorOf(step, by).id,
    reviewedAt: timeOf(step, at),
  },
});

export const posted = (
  step: string,
  { by, at, applicationId = APPLICATION_ID, postedFrom, postedUntil, place }: Acting & { postedFrom?: string; postedUntil?: string; place?: string } = {},
): SupportApplicationPosted => {
  const defaults = STEP_DEFAULTS[step]?.data ?? {};
  return {
    type: 'SupportApplicationPosted',
    data: {
      applicationId,
      step,
      place: place ?? defaults.reference,
      postedFrom: postedFrom ?? defaults.postedFrom ?? '',
      postedUntil: postedUntil ?? defaults.postedUntil ?? '',
      postedBy: actorOf(step, by).id,
      postedAt: timeOf(step, at),
    },
  };
};

export const approved = (
  step: string,
  { months, amount, reason, by, at, applicationId = APPLICATION_ID }: Acting & { months: string[]; amount: number; reason?: string },
): SupportApplicationApproved => ({
  type: 'SupportApplicationApproved',
  data: { applicationId, step, approvedMonths: months, approvedAmount: amount, reason, approvedBy: actorOf(step, by).id, approvedAt: timeOf(step, at) },
});

export const decided = (
  step: string,
  { kind = 'decision', decisionNo, reference, by, at, applicationId = APPLICATION_ID }: Acting & { kind?: StepKind; decisionNo?: string; reference?: string } = {},
): SupportApplicationDecided => ({
  type: 'SupportApplicationDecided',
  data: {
    applicationId,
    step,
    kind,
    decisionNo: decisionNo ?? (kind === 'decision' ? STEP_DEFAULTS[step]?.data?.decisionNo : undefined),
    reference,
    decidedBy: actorOf(step, by).id,
    decidedAt: timeOf(step, at),
  },
});

export const rejected = (step: string, reason: string, { by, at, applicationId = APPLICATION_ID }: Acting = {}): SupportApplicationRejected => ({
  type: 'SupportApplicationRejected',
  data: { applicationId, step, reason, rejectedBy: actorOf(step, by).id, rejectedAt: timeOf(step, at) },
});

export const paid = (amount: number, { step = 'payment', method = 'post-office', reference = PAYMENT_REFERENCE, by, at, applicationId = APPLICATION_ID }: PaymentOptions & { step?: string } = {}): SupportApplicationPaid => ({
  type: 'SupportApplicationPaid',
  data: { applicationId, step, amount, method, reference, paidBy: actorOf('payment', by).id, paidAt: timeOf('payment', at) },
});

export const withdrawn = (reason: string, { by = intakeOfficer, at = WITHDRAWN_AT, applicationId = APPLICATION_ID }: Acting = {}): SupportApplicationWithdrawn => ({
  type: 'SupportApplicationWithdrawn',
  data: { applicationId, reason, withdrawnBy: by.id, withdrawnAt: at },
});

export const recoveryOrdered = (amount: number, { reason = RECOVERY_REASON, by = inspector, at = RECOVERY_ORDERED_AT, applicationId = APPLICATION_ID }: Acting & { reason?: string } = {}): SupportRecoveryOrdered => ({
  type: 'SupportRecoveryOrdered',
  data: { applicationId, amount, reason, orderedBy: by.id, orderedAt: at },
});

export const recovered = (amount: number, { reason = RECOVERY_REASON, by = inspector, at = RECOVERED_AT, applicationId = APPLICATION_ID }: Acting & { reason?: string } = {}): SupportRecovered => ({
  type: 'SupportRecovered',
  data: { applicationId, amount, reason, recoveredBy: by.id, recoveredAt: at },
});

/** The event a step of `kind` records when it goes as usual (every claimed month approved). */
const eventOfStep = (category: CategoryCode, step: string, kind: StepKind): SupportApplicationEvent => {
  switch (kind) {
    case 'review': return reviewed(step);
    case 'posting': return posted(step);
    case 'approval': return approved(step, { months: filedClaim(category).months, amount: CLAIMED_AMOUNTS[category] });
    case 'decision': return decided(step);
    case 'payment': return paid(CLAIMED_AMOUNTS[category]);
    case 'intake': return submitted(category);
  }
};

/** The history of a default application in `category` that now awaits `step` (every earlier step done as usual). */
export const awaiting = (category: CategoryCode, step: string): SupportApplicationEvent[] => {
  const workflow = WORKFLOWS[category];
  const until = workflow.findIndex(([name]) => name === step);
  if (until < 0) throw new Error(`category ${category} has no step ${step}`);
  return workflow.slice(0, until).map(([name, kind]) => eventOfStep(category, name, kind));
};

/** The history of a default application in `category` that went through every step and was paid in full. */
export const paidInFull = (category: CategoryCode): SupportApplicationEvent[] =>
  WORKFLOWS[category].map(([name, kind]) => eventOfStep(category, name, kind));

/** The support-application decider over a catalog (the shipped programmes unless told otherwise). */
export const supportApplicationDecider = (catalog: ProgrammeCatalog = shippedCatalog()) => ({
  decide: (command: SupportApplicationCommand, state: SupportApplication) => decide(command, state, catalog),
  evolve,
  initialState,
});

/** given(history).when(command).then(events) for support applications. */
export const supportApplicationSpec = (catalog?: ProgrammeCatalog) => deciderSpec(supportApplicationDecider(catalog));

export const stateAfter = (events: readonly SupportApplicationEvent[]): SupportApplication => events.reduce(evolve, initialState());
