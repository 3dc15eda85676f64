import {
  actingRole,
  beneficiaryCommandsFor,
  decide,
  decideBeneficiary,
  evolve,
  evolveBeneficiary,
  initialBeneficiary,
  initialState,
  type BeneficiaryEvent,
  type SupportApplicationCommand,
  type SupportApplicationEvent,
} from '@lib/domain';
import { ConcurrencyError, EventStore, headOf, type StreamAppend } from '@lib/event-store';
import { BeneficiaryKeys, beneficiaryStream, supportApplicationStream } from '../shared/beneficiary-keys';
import { Clock } from '../shared/clock';
import { TooMuchContention, VersionMismatch, type CommandContext, type CommandResult } from '../shared/command-context';
import { ProgrammeRegistry } from '../shared/programme-registry';

const MAX_ATTEMPTS = 8;

/**
 * Load, decide, append. Every support-application command goes through here, so the rules
 * (idempotency, If-Match, one support per person in the same transaction, retry on a fresh
 * read) hold for all of them alike.
 */
export class SupportApplicationWriter {
  constructor(
    private readonly store: EventStore,
    private readonly programmes: ProgrammeRegistry,
    private readonly keys: BeneficiaryKeys,
    private readonly clock: Clock,
  ) {}

  async execute(
    applicationId: string,
    context: CommandContext,
    command: (now: string) => SupportApplicationCommand,
  ): Promise<CommandResult> {
    const streamId = supportApplicationStream(applicationId);
    // Both reads at once: a repeat is rare, and the stream is needed anyway otherwise.
    const [previous, firstRead] = await Promise.all([this.store.findCommand(context.commandId), this.store.readStream(streamId)]);
    if (previous) return previous as CommandResult;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const now = context.at ?? this.clock.now();
      const history = attempt === 1 ? firstRead : await this.store.readStream(streamId);
      const head = headOf(history);
      if (context.expectedVersion !== undefined && context.expectedVersion !== head.version) {
        throw new VersionMismatch(context.expectedVersion, head.version);
      }
      const state = history.reduce((folded, event) => evolve(folded, event as unknown as SupportApplicationEvent), initialState());
      const domainCommand = command(now);
      const events = decide(domainCommand, state, this.programmes.catalog);
      const after = events.reduce(evolve, state);
      const appends: StreamAppend[] = [{ streamId, expected: head, events }];
      const citizenId = after.status === 'none' ? null : after.citizenId;
      if (citizenId) appends.push(...(await this.beneficiaryAppends(state, events, this.keys.keyOf(citizenId))));
      const result: CommandResult = { id: applicationId, status: after.status, version: head.version + events.length };
      try {
        const outcome = await this.store.append({
          commandId: context.commandId,
          recordedAt: now,
          metadata: {
            actorId: context.actor.id,
            role: actingRole(domainCommand, state, this.programmes.catalog),
            ward: context.actor.ward,
            correlationId: context.correlationId,
            causationId: context.commandId,
          },
          appends,
          result,
        });
        return outcome.result as CommandResult;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        // The caller pinned the version it saw: its view is stale, so it must decide again.
        if (error.streamId === streamId && context.expectedVersion !== undefined) {
          throw new VersionMismatch(context.expectedVersion, head.version + 1);
        }
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
    throw new TooMuchContention(streamId, MAX_ATTEMPTS);
  }

  private async beneficiaryAppends(
    before: Parameters<typeof beneficiaryCommandsFor>[0],
    events: SupportApplicationEvent[],
    key: string,
  ): Promise<StreamAppend[]> {
    const commands = beneficiaryCommandsFor(before, events, key);
    if (commands.length === 0) return [];
    const streamId = beneficiaryStream(key);
    const history = await this.store.readStream(streamId);
    let state = history.reduce((folded, event) => evolveBeneficiary(folded, event as unknown as BeneficiaryEvent), initialBeneficiary());
    const decided: BeneficiaryEvent[] = [];
    for (const command of commands) {
      const produced = decideBeneficiary(command, state, this.programmes.catalog);
      state = produced.reduce(evolveBeneficiary, state);
      decided.push(...produced);
    }
    return decided.length ? [{ streamId, expected: headOf(history), events: decided }] : [];
  }
}
