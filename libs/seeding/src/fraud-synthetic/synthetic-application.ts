import {
  DomainError,
  addWorkingDays,
  beneficiaryCommandsFor,
  beneficiaryStream,
  decide,
  decideBeneficiary,
  evolve,
  evolveBeneficiary,
  findCategory,
  initialBeneficiary,
  initialState,
  isWorkingDay,
  supportApplicationStream,
  type Actor,
  type Applicant,
  type Beneficiary,
  type BeneficiaryEvent,
  type ProgrammeCatalog,
  type ProgrammeDefinition,
  type Role,
  type SupportApplication,
  type SupportApplicationCommand,
  type SupportApplicationEvent,
} from '@lib/domain';
import { StreamWriter, SupportApplicationWriter } from '@lib/application';
import type { Random } from '../demo/demo-data';
import { MemoryStreams } from './memory-streams';

export type Outcome = 'paid' | 'in-progress' | 'rejected' | 'withdrawn';

/** How one application goes; everything not said is drawn at random, within the rules. */
export interface ApplicationPlan {
  applicationId: string;
  category: string;
  applicant: Applicant;
  claim: Record<string, unknown>;
  /** Local date of intake, YYYY-MM-DD (a working day). */
  intakeDay: string;
  outcome: Outcome;
  /** For in-progress, rejected and withdrawn: how many steps after intake are done first. */
  stepsDone?: number;
  /** Extra working days before a step (F16: a step done late). */
  delays?: Record<string, number>;
  payee?: string;
}

export interface Stream {
  streamId: string;
  events: { type: string; data: object }[];
}

export interface DecidedApplication {
  applicationId: string;
  events: SupportApplicationEvent[];
  state: SupportApplication;
  /** The person's stream as the writer decided it for this application alone. */
  beneficiary: Stream | null;
}

const WARD_SCOPED: readonly Role[] = ['intake-officer', 'village-reviewer', 'ward-approver', 'treasurer'];

/** Officers by ward, role and step position, so no officer ever does two steps of one application. */
export const officerFor = (role: Role, ward: string, position: number): Actor =>
  WARD_SCOPED.includes(role) ? { id: `${ward}-${role}-${position}`, roles: [role], ward } : { id: `${role}-${position}-${ward.slice(0, 2)}`, roles: [role], ward: null };

const timeOn = (day: string, random: Random): string => `${day}T0${random.int(1, 8)}:${String(random.int(10, 59))}:00.000Z`;

/** The working day on or after `day`. */
export const workingDayFrom = (day: string, programme: ProgrammeDefinition): string =>
  isWorkingDay(day, programme.calendar) ? day : addWorkingDays(day, 1, programme.calendar);

/** Time never comes from a clock here: every command carries its own. */
const NO_CLOCK = { now: (): string => { throw new Error('synthetic commands carry their own time'); } };

/**
 * One application decided command by command by the API's own writer, over streams in memory,
 * each step one working day after the last (well inside every limit of QĐ 15), by an officer of
 * the right role: the log then holds only what `decide` allows, as the HTTP path would have
 * written it, the person's stream included.
 */
export const decideApplication = async (
  plan: ApplicationPlan,
  programme: ProgrammeDefinition,
  catalog: ProgrammeCatalog,
  random: Random,
  beneficiaryKey: (citizenId: string) => string,
): Promise<DecidedApplication> => {
  const category = findCategory(programme, plan.category)!;
  const ward = plan.applicant.ward;
  const streams = new MemoryStreams();
  const writer = new SupportApplicationWriter(new StreamWriter(streams, NO_CLOCK), { catalog }, { keyOf: beneficiaryKey });
  let serial = 0;
  const run = (command: SupportApplicationCommand) => {
    const { actor, now } = command.metadata;
    serial += 1;
    return writer.execute(plan.applicationId, { actor, commandId: `${plan.applicationId}-${serial}`, correlationId: plan.applicationId, at: now }, () => command);
  };
  const stateNow = () => streams.stateOf<SupportApplication>(supportApplicationStream(plan.applicationId)) ?? initialState();
  let day = plan.intakeDay;
  const intake = officerFor(category.steps[0].role, ward, 0);
  await run({ type: 'SubmitSupportApplication', data: { applicationId: plan.applicationId, programmeId: programme.id, category: plan.category, applicant: plan.applicant, claim: plan.claim }, metadata: { actor: intake, now: timeOn(day, random) } });
  const stepsDone = plan.outcome === 'paid' ? category.steps.length - 1 : Math.min(plan.stepsDone ?? 1, category.steps.length - 2);
  for (const [position, step] of category.steps.entries()) {
    if (position === 0) continue;
    const last = position > stepsDone;
    if (last && plan.outcome === 'in-progress') break;
    const previousDay = day;
    day = addWorkingDays(day, 1 + (plan.delays?.[step.name] ?? 0), programme.calendar);
    const actor = officerFor(step.role, ward, position);
    const metadata = { actor, now: timeOn(day, random) };
    if (last && plan.outcome === 'withdrawn') {
      await run({ type: 'WithdrawSupportApplication', data: { applicationId: plan.applicationId, reason: 'người lao động tự nguyện rút hồ sơ' }, metadata: { actor: intake, now: timeOn(day, random) } });
      break;
    }
    if (step.kind === 'payment') {
      const state = stateNow();
      const owed = state.status === 'none' ? 0 : state.approvedAmount - state.paidAmount;
      await run({ type: 'RecordSupportPayment', data: { applicationId: plan.applicationId, amount: owed, method: random.pick(['cash', 'post-office', 'bank'] as const), reference: `PC-${plan.applicationId.slice(0, 8)}`, payee: plan.payee }, metadata });
      continue;
    }
    const rejected = last && plan.outcome === 'rejected' && step.kind !== 'posting';
    await run({
      type: 'PerformSupportStep',
      data: {
        applicationId: plan.applicationId,
        step: step.name,
        outcome: rejected ? 'rejected' : 'completed',
        reason: rejected ? 'không đủ điều kiện theo biên bản rà soát' : undefined,
        minutesRef: step.kind === 'review' ? `BB-${random.int(1, 999)}/2020` : undefined,
        decisionNo: step.kind === 'decision' ? `${random.int(100, 1999)}/QĐ-UBND` : undefined,
        reference: step.kind === 'posting' ? 'Nhà văn hoá khối' : undefined,
        // Posted from the previous step's day to this one: 2 working days, both counted.
        postedFrom: step.kind === 'posting' ? previousDay : undefined,
        postedUntil: step.kind === 'posting' ? day : undefined,
      },
      metadata,
    });
    if (last) break;
  }
  const beneficiary = beneficiaryStream(beneficiaryKey(plan.applicant.citizenId));
  const personEvents = streams.eventsOf(beneficiary);
  return {
    applicationId: plan.applicationId,
    events: streams.eventsOf(supportApplicationStream(plan.applicationId)) as SupportApplicationEvent[],
    state: stateNow(),
    beneficiary: personEvents.length ? { streamId: beneficiary, events: personEvents } : null,
  };
};

/**
 * The person's beneficiary stream for these applications, decided as the writer would. A grant
 * the rule refuses (the second support of a legacy duplicate) is left out: the legacy system
 * had no such stream.
 */
export const beneficiaryEventsFor = (applications: readonly DecidedApplication[], key: string, catalog: ProgrammeCatalog): Stream | null => {
  let beneficiary: Beneficiary = initialBeneficiary();
  const decided: BeneficiaryEvent[] = [];
  for (const application of applications) {
    let state: SupportApplication = initialState();
    for (const event of application.events) {
      for (const command of beneficiaryCommandsFor(state, [event], key)) {
        try {
          const produced = decideBeneficiary(command, beneficiary, catalog);
          beneficiary = produced.reduce(evolveBeneficiary, beneficiary);
          decided.push(...produced);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
      state = evolve(state, event);
    }
  }
  return decided.length ? { streamId: beneficiaryStream(key), events: decided } : null;
};

export const applicationStream = (application: { applicationId: string; events: readonly { type: string; data: object }[] }): Stream => ({
  streamId: supportApplicationStream(application.applicationId),
  events: [...application.events],
});
