import { Command } from '@nestjs/cqrs';
import type { RecordSupportPayment } from '@lib/domain';
import type { CommandContext, CommandResult } from '../../command-context';

export class RecordSupportPaymentCommand extends Command<CommandResult> {
  constructor(readonly payment: RecordSupportPayment['data'], readonly context: CommandContext) {
    super();
  }
}
