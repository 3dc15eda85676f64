import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-context';
import type { ListActResult, ListStepData } from '../support-list-writer';

/** The list's step for every application on it, excluded ones rejected with their reasons, in one append. */
export class PerformListStepCommand extends Command<ListActResult> {
  constructor(readonly listId: string, readonly step: ListStepData, readonly context: CommandContext) {
    super();
  }
}
