import { Command } from '@nestjs/cqrs';
import type { RecordSupportRecovery } from '@lib/domain';
import type { CommandContext, CommandResult } from '../../command-context';

/** Thu hồi: an inspector orders recovery of a payment, then records what came back. */
export class RecordSupportRecoveryCommand extends Command<CommandResult> {
  constructor(readonly recovery: RecordSupportRecovery['data'], readonly context: CommandContext) {
    super();
  }
}
