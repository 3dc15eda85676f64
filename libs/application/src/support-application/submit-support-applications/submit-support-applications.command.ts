import { Command } from '@nestjs/cqrs';
import type { Applicant, DomainError } from '@lib/domain';
import type { CommandContext, CommandResult } from '../../command-context';

/** One intake of a batch: its own application id and command id (an import derives both from the file and the row). */
export interface IntakeItem {
  applicationId: string;
  commandId: string;
  programmeId: string;
  category: string;
  applicant: Applicant;
  claim: Record<string, unknown>;
}

/** Per intake, in the order given: the application it created or the domain's refusal. */
export type IntakeOutcome = { result: CommandResult } | { error: DomainError };

/**
 * Many single intakes decided together (an import's rows): each is the intake POST /applications
 * decides, accepted or refused on its own; the accepted ones are stored in one append.
 */
export class SubmitSupportApplicationsCommand extends Command<IntakeOutcome[]> {
  constructor(
    readonly items: readonly IntakeItem[],
    /** Shared by every intake; each item's commandId replaces its command id. */
    readonly context: CommandContext,
  ) {
    super();
  }
}
