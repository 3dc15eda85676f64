import {
  actingRole,
  beneficiaryCommandsFor,
  beneficiaryStream,
  decide,
  decideBeneficiary,
  evolve,
  evolveBeneficiary,
  initialBeneficiary,
  initialState,
  supportApplicationStream,
  type Beneficiary,
  type BeneficiaryEvent,
  type SupportApplication,
  type SupportApplicationCommand,
  type SupportApplicationEvent,
} from '@lib/domain';
import { headOf, type StoredEvent, type StreamAppend, type StreamHead } from '@lib/event-store';
import type { BeneficiaryKeys } from '../shared/beneficiary-keys';
import type { Clock } from '../shared/clock';
import type { CommandContext, CommandResult } from '../shared/command-context';
import type { ProgrammeRegistry } from '../shared/programme-registry';
import { BulkAppender, type BatchAppendStore, type BulkAppenderOptions, type BulkTotals } from './bulk-appender';

/** What drives commands: SupportApplicationWriter (one append per command) or BulkWriter (in memory, appended in bulk). */
export interface CommandExecutor {
  execute(applicationId: string, context: CommandContext, command: (now: string) => SupportApplicationCommand): Promise<CommandResult>;
}

/** A store the bulk writer can read through (PostgresEventStore). */
export interface BulkStore extends BatchAppendStore {
  readStream(streamId: string): Promise<StoredEvent[]>;
  readStreams(streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>>;
}

interface Cached<S> {
  state: S;
  head: StreamHead;
}

export interface BulkWriterOptions extends BulkAppenderOptions {
  /** Streams kept in memory; past this the cache is emptied after a batch is stored (default 100,000). */
  maxCachedStreams?: number;
}

/**
 * SupportApplicationWriter's rules without a round trip per command: the same pure `decide`,
 * `evolve`, acting role and beneficiary decider, against stream states kept in memory; each
 * command becomes one append request (its own command id, actor and time) handed to a
 * BulkAppender. A stream not in memory is read from the store; `prefetch` reads many at once.
 * For imports and seeding only: it assumes nobody else writes these streams meanwhile.
 */
export class BulkWriter implements CommandExecutor {
  private readonly applications = new Map<string, Cached<SupportApplication>>();
  private readonly beneficiaries = new Map<string, Cached<Beneficiary>>();
  readonly appender: BulkAppender;

  constructor(
    private readonly store: BulkStore,
    private readonly programmes: ProgrammeRegistry,
    private readonly keys: BeneficiaryKeys,
    private readonly clock: Clock,
    private readonly options: BulkWriterOptions = {},
  ) {
    this.appender = new BulkAppender(store, options);
    // The store computes the hashes; keep them, so the next batch need not look heads up.
    this.appender.onHeads((heads) => {
      for (const [streamId, head] of Object.entries(heads)) {
        const cached = this.applications.get(streamId) ?? this.beneficiaries.get(streamId);
        if (cached && cached.head.version === head.version) cached.head = head;
      }
    });
  }

  /** Reads these applications' and citizens' streams in one query each, so the commands that follow never wait on a read. */
  async prefetch(applicationIds: readonly string[], citizenIds: readonly string[] = []): Promise<void> {
    const appStreams = applicationIds.map(supportApplicationStream).filter((id) => !this.applications.has(id));
    const benStreams = citizenIds.map((citizenId) => beneficiaryStream(this.keys.keyOf(citizenId))).filter((id) => !this.beneficiaries.has(id));
    // Whatever a batch in flight writes is in the cache (it is emptied only after a drain), so
    // the streams read here are not being written: no need to wait for the batches in flight.
    const read = await this.store.readStreams([...appStreams, ...benStreams]);
    for (const id of appStreams) this.applications.set(id, this.fold(read.get(id)!, evolveApp, initialState()));
    for (const id of benStreams) this.beneficiaries.set(id, this.fold(read.get(id)!, evolveBen, initialBeneficiary()));
  }

  async execute(applicationId: string, context: CommandContext, command: (now: string) => SupportApplicationCommand): Promise<CommandResult> {
    const streamId = supportApplicationStream(applicationId);
    const application = this.applications.get(streamId) ?? (await this.load(streamId, this.applications, evolveApp, initialState()));
    if (context.expectedVersion !== undefined && context.expectedVersion !== application.head.version) {
      throw new Error(`bulk import: ${streamId} is at version ${application.head.version}, not ${context.expectedVersion}`);
    }
    const now = context.at ?? this.clock.now();
    const domainCommand = command(now);
    const catalog = this.programmes.catalog;
    const events = decide(domainCommand, application.state, catalog);
    const after = events.reduce(evolve, application.state);
    const appends: StreamAppend[] = [{ streamId, expected: application.head, events }];
    const citizenId = after.status === 'none' ? null : after.citizenId;
    let beneficiaryUpdate: (() => void) | null = null;
    if (citizenId) {
      const key = this.keys.keyOf(citizenId);
      const commands = beneficiaryCommandsFor(application.state, events, key);
      if (commands.length) {
        const benId = beneficiaryStream(key);
        const beneficiary = this.beneficiaries.get(benId) ?? (await this.load(benId, this.beneficiaries, evolveBen, initialBeneficiary()));
        let state = beneficiary.state;
        const decided: BeneficiaryEvent[] = [];
        for (const beneficiaryCommand of commands) {
          const produced = decideBeneficiary(beneficiaryCommand, state, catalog);
          state = produced.reduce(evolveBeneficiary, state);
          decided.push(...produced);
        }
        if (decided.length) {
          appends.push({ streamId: benId, expected: beneficiary.head, events: decided });
          beneficiaryUpdate = () => {
            beneficiary.state = state;
            beneficiary.head = { version: beneficiary.head.version + decided.length, hash: null };
          };
        }
      }
    }
    const result: CommandResult = { id: applicationId, status: after.status, version: application.head.version + events.length };
    const role = actingRole(domainCommand, application.state, catalog);
    // Decided without error: only now does memory move, as the log will.
    application.state = after;
    application.head = { version: result.version, hash: null };
    beneficiaryUpdate?.();
    await this.appender.add({
      commandId: context.commandId,
      recordedAt: now,
      metadata: {
        actorId: context.actor.id,
        role,
        ward: context.actor.ward,
        correlationId: context.correlationId,
        causationId: context.commandId,
      },
      appends,
      result,
    });
    if (this.applications.size + this.beneficiaries.size > (this.options.maxCachedStreams ?? 100_000)) await this.evict();
    return result;
  }

  /** Stores everything queued; returns the totals. */
  finish(): Promise<BulkTotals> {
    return this.appender.finish();
  }

  /** Empties the cache once what it holds is stored (streams are read again when next needed). */
  private async evict(): Promise<void> {
    await this.appender.flush();
    await this.appender.drain();
    this.applications.clear();
    this.beneficiaries.clear();
  }

  private async load<S>(streamId: string, cache: Map<string, Cached<S>>, fold: (state: S, event: StoredEvent) => S, initial: S): Promise<Cached<S>> {
    await this.appender.flush();
    await this.appender.drain();
    const cached = this.fold(await this.store.readStream(streamId), fold, initial);
    cache.set(streamId, cached);
    return cached;
  }

  private fold<S>(events: StoredEvent[], fold: (state: S, event: StoredEvent) => S, initial: S): Cached<S> {
    return { state: events.reduce(fold, initial), head: headOf(events) };
  }
}

const evolveApp = (state: SupportApplication, event: StoredEvent) => evolve(state, event as unknown as SupportApplicationEvent);
const evolveBen = (state: Beneficiary, event: StoredEvent) => evolveBeneficiary(state, event as unknown as BeneficiaryEvent);
