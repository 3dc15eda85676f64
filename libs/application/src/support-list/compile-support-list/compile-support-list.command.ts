import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../command-context';
import type { CompileListData } from '../support-list-writer';

/** A ward's list for one step, over the applications named (the HTTP layer found those awaiting it). */
export class CompileSupportListCommand extends Command<CommandResult> {
  constructor(readonly list: CompileListData, readonly context: CommandContext) {
    super();
  }
}
