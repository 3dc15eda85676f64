import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  evolveSupportImport,
  initialSupportImport,
  paymentReturnStream,
  recordPaymentReturn,
  recordSupportImport,
  supportImportStream,
  type RecordPaymentReturn,
  type RecordSupportImport,
  type SupportImport,
  type SupportImportEvent,
} from '@lib/domain';
import type { CommandContext, CommandResult } from '../command-context';
import { StreamWriter } from '../stream-writer/stream-writer';
import type { Fold } from '../stream-writer/stream-store';

export const supportImportFold: Fold<SupportImport> = {
  initial: initialSupportImport,
  evolve: (state, event) => evolveSupportImport(state, event as unknown as SupportImportEvent),
};

/** What came of an imported file, recorded once its rows were decided (each as its own intake). */
export class RecordSupportImportCommand extends Command<CommandResult> {
  constructor(readonly record: RecordSupportImport['data'], readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(RecordSupportImportCommand)
export class RecordSupportImportHandler implements ICommandHandler<RecordSupportImportCommand> {
  constructor(private readonly writer: StreamWriter) {}

  execute({ record, context }: RecordSupportImportCommand): Promise<CommandResult> {
    return this.writer.execute(context, async (work, now) => {
      const streamId = supportImportStream(record.importId);
      const state = await work.load(streamId, supportImportFold, { pinned: true });
      const event = recordSupportImport({ type: 'RecordSupportImport', data: record, metadata: { actor: context.actor, now } }, state);
      work.actingAs('intake-officer');
      work.append(streamId, [event]);
      return { id: record.importId, status: 'recorded', version: work.versionOf(streamId) };
    });
  }
}

/** What came of a returned payment list, recorded once its rows were decided (each as its own payment). */
export class RecordPaymentReturnCommand extends Command<CommandResult> {
  constructor(readonly record: RecordPaymentReturn['data'], readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(RecordPaymentReturnCommand)
export class RecordPaymentReturnHandler implements ICommandHandler<RecordPaymentReturnCommand> {
  constructor(private readonly writer: StreamWriter) {}

  execute({ record, context }: RecordPaymentReturnCommand): Promise<CommandResult> {
    return this.writer.execute(context, async (work, now) => {
      const streamId = paymentReturnStream(record.importId);
      const state = await work.load(streamId, { initial: () => false, evolve: () => true }, { pinned: true });
      const event = recordPaymentReturn({ type: 'RecordPaymentReturn', data: record, metadata: { actor: context.actor, now } }, state);
      work.actingAs('treasurer');
      work.append(streamId, [event]);
      return { id: record.importId, status: 'recorded', version: work.versionOf(streamId) };
    });
  }
}
