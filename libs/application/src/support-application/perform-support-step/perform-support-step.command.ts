import { Command } from '@nestjs/cqrs';
import type { PerformSupportStep } from '@lib/domain';
import type { CommandContext, CommandResult } from '../../command-context';

/** Village review, ward approval and every other step the programme defines. */
export class PerformSupportStepCommand extends Command<CommandResult> {
  constructor(readonly step: PerformSupportStep['data'], readonly context: CommandContext) {
    super();
  }
}
