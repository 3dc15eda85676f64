import { createHash } from 'node:crypto';
import type { ProgrammeCatalog } from '@lib/domain';
import type { EventStore } from '@lib/event-store';
import { Random } from '../demo/demo-data';
import type { BeneficiaryKeys } from '@lib/application';
import { INJECTORS, type GroundTruthCase, type InjectionContext } from './fraud-injectors';
import { applicationStream, decideApplication, type Outcome, type Stream } from './synthetic-application';
import { drawClean, syntheticPerson, wardOf } from './synthetic-people';

export interface SyntheticOptions {
  /** About this many applications in all, injected ones included. */
  applications: number;
  /** Injected cases per application, spread evenly over the rules; a case is one application, or several for duplicates and clusters. */
  fraudRate: number;
  wards: number;
  seed: number;
  programmeId: string;
  /** Rules to inject; default every rule but F17, whose budget only an evaluation can set. */
  rules?: string[];
  /** Exactly this many cases per rule, whatever the rate (F17's phase of an evaluation). */
  casesPerRule?: number;
  /** Serials already used by an earlier run on the same database. */
  firstSerial?: number;
  /** When the import runs: the recorded_at of the events (their business times are 2020's). */
  importedAt: string;
  onProgress?: (applications: number) => void;
}

export interface SyntheticReport {
  applications: number;
  injectedApplications: number;
  events: number;
  cases: GroundTruthCase[];
  lastSerial: number;
  byOutcome: Record<string, number>;
}

export const INJECTABLE_RULES = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16', 'F20'];

/** A version-4-shaped id from the seeded generator: the same seed gives the same ids. */
const uuidFrom = (random: Random): string => {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20)}`;
};

const OUTCOMES: [Outcome, number][] = [['paid', 80], ['in-progress', 12], ['rejected', 5], ['withdrawn', 3]];

/** Unit of work: one clean application, or one injected case (one or more applications). */
type Slot = { kind: 'clean' } | { kind: 'inject'; rule: string; index: number };

/**
 * A province of synthetic applications with labelled fraud patterns. Clean applications are
 * decided command by command with the pure domain (what the HTTP path would write); injected
 * patterns are histories the decider would refuse, imported as legacy data. Many streams go in
 * one append statement, so 200,000 applications take minutes, not the hours of the HTTP path.
 */
export class SyntheticProvinceSeeder {
  constructor(private readonly store: EventStore, private readonly catalog: ProgrammeCatalog, private readonly keys: BeneficiaryKeys) {}

  async run(options: SyntheticOptions): Promise<SyntheticReport> {
    // A second run on the same database starts after the first one's serials, with other ids.
    const random = new Random(options.seed * 1_000_003 + (options.firstSerial ?? 0));
    const programme = this.catalog(options.programmeId)!;
    if (!programme) throw new Error(`no programme ${options.programmeId}`);
    let serial = options.firstSerial ?? 0;
    const ctx: InjectionContext = {
      random, programme, catalog: this.catalog,
      beneficiaryKey: (citizenId) => this.keys.keyOf(citizenId),
      nextSerial: () => ++serial,
      newId: () => uuidFrom(random),
      ward: () => wardOf(random.int(0, options.wards - 1)),
    };
    const rules = options.rules ?? INJECTABLE_RULES;
    const perRule = options.casesPerRule ?? Math.max(1, Math.round((options.applications * options.fraudRate) / rules.length));
    const slots: Slot[] = rules.flatMap((rule) => Array.from({ length: perRule }, (_, index): Slot => ({ kind: 'inject', rule, index })));
    // Injected cases average about two applications; the rest are clean.
    const clean = Math.max(0, options.applications - Math.round(slots.length * 2));
    for (let i = 0; i < clean; i += 1) slots.push({ kind: 'clean' });
    for (let i = slots.length - 1; i > 0; i -= 1) {
      const j = random.int(0, i);
      [slots[i], slots[j]] = [slots[j], slots[i]];
    }
    const report: SyntheticReport = { applications: 0, injectedApplications: 0, events: 0, cases: [], lastSerial: serial, byOutcome: {} };
    let pending: Stream[] = [];
    let pendingEvents = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      await this.append(pending, options.importedAt, random);
      report.events += pendingEvents;
      pending = [];
      pendingEvents = 0;
      options.onProgress?.(report.applications);
    };
    for (const slot of slots) {
      const streams = slot.kind === 'clean' ? await this.clean(ctx, report) : await this.inject(ctx, slot, report);
      pending.push(...streams);
      pendingEvents += streams.reduce((sum, stream) => sum + stream.events.length, 0);
      if (pendingEvents >= 4000) await flush();
    }
    await flush();
    report.lastSerial = serial;
    return report;
  }

  private async clean(ctx: InjectionContext, report: SyntheticReport): Promise<Stream[]> {
    const { random, programme } = ctx;
    const id = ctx.nextSerial();
    const applicant = syntheticPerson(random, id, ctx.ward());
    const draw = drawClean(random, id, programme);
    const roll = random.int(1, 100);
    let outcome: Outcome = 'paid';
    for (let left = roll, i = 0; i < OUTCOMES.length; i += 1) {
      left -= OUTCOMES[i][1];
      if (left <= 0) {
        outcome = OUTCOMES[i][0];
        break;
      }
    }
    const decided = await decideApplication({ applicationId: ctx.newId(), category: draw.category, applicant, claim: draw.claim, intakeDay: draw.intakeDay, outcome, stepsDone: random.int(1, 4) }, programme, ctx.catalog, random, ctx.beneficiaryKey);
    report.applications += 1;
    report.byOutcome[decided.state.status] = (report.byOutcome[decided.state.status] ?? 0) + 1;
    return decided.beneficiary ? [applicationStream(decided), decided.beneficiary] : [applicationStream(decided)];
  }

  private async inject(ctx: InjectionContext, slot: Extract<Slot, { kind: 'inject' }>, report: SyntheticReport): Promise<Stream[]> {
    const unit = await INJECTORS[slot.rule](ctx, slot.index);
    report.cases.push(unit.truth);
    report.applications += unit.truth.applicationIds.length;
    report.injectedApplications += unit.truth.applicationIds.length;
    return unit.streams;
  }

  /** One statement for all the streams; a stream named twice (one person's two applications) is merged. */
  private async append(streams: readonly Stream[], importedAt: string, random: Random): Promise<void> {
    const merged = new Map<string, Stream>();
    for (const stream of streams) {
      const existing = merged.get(stream.streamId);
      merged.set(stream.streamId, existing ? { streamId: stream.streamId, events: [...existing.events, ...stream.events] } : { ...stream, events: [...stream.events] });
    }
    const commandId = `synthetic-${createHash('sha256').update(uuidFrom(random)).digest('hex').slice(0, 32)}`;
    await this.store.append({
      commandId,
      recordedAt: importedAt,
      metadata: { actorId: 'synthetic-import', role: null, ward: null, correlationId: commandId, causationId: null },
      appends: [...merged.values()].map((stream) => ({ streamId: stream.streamId, expected: { version: 0, hash: null }, events: stream.events })),
      result: { imported: merged.size },
    });
  }
}
