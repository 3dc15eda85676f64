import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SupportApplicationWriter } from '../support-application-writer';
import { RecordSupportRecoveryCommand } from './record-support-recovery.command';

@CommandHandler(RecordSupportRecoveryCommand)
export class RecordSupportRecoveryHandler implements ICommandHandler<RecordSupportRecoveryCommand> {
  constructor(private readonly writer: SupportApplicationWriter) {}

  execute({ recovery, context }: RecordSupportRecoveryCommand) {
    return this.writer.execute(recovery.applicationId, context, (now) => ({
      type: 'RecordSupportRecovery',
      data: recovery,
      metadata: { actor: context.actor, now },
    }));
  }
}
