import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConcurrencyError } from '@lib/event-store';
import { beneficiaryStream, DomainError, supportApplicationStream, type SupportApplicationCommand } from '@lib/domain';
import { Clock, ProgrammeRegistry } from '@lib/platform';
import { BeneficiaryKeys } from '../../beneficiary-keys';
import type { CommandContext, CommandResult } from '../../command-context';
import { BatchStreams } from '../../stream-writer/batch-streams';
import { EventStoreStreams } from '../../stream-writer/stream-store';
import { StreamWriter } from '../../stream-writer/stream-writer';
import { beneficiaryFold, supportApplicationFold, SupportApplicationWriter } from '../support-application-writer';
import { SubmitSupportApplicationsCommand, type IntakeItem, type IntakeOutcome } from './submit-support-applications.command';

const intake = (item: IntakeItem, context: CommandContext) => (now: string): SupportApplicationCommand => ({
  type: 'SubmitSupportApplication',
  data: { applicationId: item.applicationId, programmeId: item.programmeId, category: item.category, applicant: item.applicant, claim: item.claim },
  metadata: { actor: context.actor, now },
});

/**
 * A batch of intakes in one append (one transaction) instead of one append each: the streams
 * read in a few queries, each intake decided by the same writer and decider as a single one,
 * against the batch's earlier intakes (one person twice in a file is refused the second time).
 * When the batch cannot be stored whole (a re-run after a crash finds some command ids used, a
 * person's stream moved meanwhile) or carries an Idempotency-Key binding, it is decided again
 * one intake at a time, exactly as single intakes are.
 */
@CommandHandler(SubmitSupportApplicationsCommand)
export class SubmitSupportApplicationsHandler implements ICommandHandler<SubmitSupportApplicationsCommand> {
  constructor(
    private readonly streams: EventStoreStreams,
    private readonly single: SupportApplicationWriter,
    private readonly programmes: ProgrammeRegistry,
    private readonly keys: BeneficiaryKeys,
    private readonly clock: Clock,
  ) {}

  async execute({ items, context }: SubmitSupportApplicationsCommand): Promise<IntakeOutcome[]> {
    return (await this.inOneAppend(items, context)) ?? this.oneByOne(items, context);
  }

  private async inOneAppend(items: readonly IntakeItem[], context: CommandContext): Promise<IntakeOutcome[] | null> {
    const many = this.streams.many;
    if (!many || context.binding || context.at || items.length < 2) return null;
    const batch = new BatchStreams(this.streams);
    const writer = new SupportApplicationWriter(new StreamWriter(batch, this.clock), this.programmes, this.keys);
    const applications = items.map((item) => supportApplicationStream(item.applicationId));
    await batch.prefetch(applications, supportApplicationFold);
    // An application that exists already (a re-run after a crash): its command's first answer is the single writer's to give.
    for (const streamId of applications) if ((await batch.load(streamId, supportApplicationFold)).head.version > 0) return null;
    await batch.prefetch(items.map((item) => beneficiaryStream(this.keys.keyOf(String(item.applicant.citizenId)))), beneficiaryFold);
    const outcomes: IntakeOutcome[] = [];
    for (const item of items) outcomes.push(await this.decided(() => writer.execute(item.applicationId, { ...context, commandId: item.commandId }, intake(item, context))));
    if (batch.requests.length === 0) return outcomes;
    try {
      const { duplicates } = await many.appendBatch(batch.requests);
      return duplicates.length > 0 ? null : outcomes;
    } catch (error) {
      if (error instanceof ConcurrencyError) return null;
      throw error;
    }
  }

  private async oneByOne(items: readonly IntakeItem[], context: CommandContext): Promise<IntakeOutcome[]> {
    const outcomes: IntakeOutcome[] = [];
    for (const item of items) outcomes.push(await this.decided(() => this.single.execute(item.applicationId, { ...context, commandId: item.commandId }, intake(item, context))));
    return outcomes;
  }

  private async decided(run: () => Promise<CommandResult>): Promise<IntakeOutcome> {
    try {
      return { result: await run() };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { error };
    }
  }
}
