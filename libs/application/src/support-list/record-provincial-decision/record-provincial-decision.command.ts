import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-context';
import type { DecisionData, DecisionResult } from '../support-list-writer';

/** One provincial decision over the lists of many wards, in one append. */
export class RecordProvincialDecisionCommand extends Command<DecisionResult> {
  constructor(readonly decision: DecisionData, readonly context: CommandContext) {
    super();
  }
}
