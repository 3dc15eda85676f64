import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SupportListWriter } from '../support-list-writer';
import { RecordProvincialDecisionCommand } from './record-provincial-decision.command';

@CommandHandler(RecordProvincialDecisionCommand)
export class RecordProvincialDecisionHandler implements ICommandHandler<RecordProvincialDecisionCommand> {
  constructor(private readonly writer: SupportListWriter) {}

  execute({ decision, context }: RecordProvincialDecisionCommand) {
    return this.writer.decide(decision, context);
  }
}
