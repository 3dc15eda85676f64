import { Command } from '@nestjs/cqrs';
import type { Applicant } from '@lib/domain';
import type { CommandContext, CommandResult } from '../../command-context';

export class SubmitSupportApplicationCommand extends Command<CommandResult> {
  constructor(
    readonly applicationId: string,
    readonly programmeId: string,
    readonly category: string,
    readonly applicant: Applicant,
    readonly claim: Record<string, unknown>,
    readonly context: CommandContext,
    /** The day the ward received the dossier; today when absent. */
    readonly receivedOn?: string,
  ) {
    super();
  }
}
