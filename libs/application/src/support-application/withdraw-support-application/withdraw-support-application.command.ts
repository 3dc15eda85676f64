import { Command } from '@nestjs/cqrs';
import type { WithdrawSupportApplication } from '@lib/domain';
import type { CommandContext, CommandResult } from '../../command-context';

export class WithdrawSupportApplicationCommand extends Command<CommandResult> {
  constructor(readonly withdrawal: WithdrawSupportApplication['data'], readonly context: CommandContext) {
    super();
  }
}
