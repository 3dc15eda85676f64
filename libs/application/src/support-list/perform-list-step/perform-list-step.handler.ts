import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SupportListWriter } from '../support-list-writer';
import { PerformListStepCommand } from './perform-list-step.command';

@CommandHandler(PerformListStepCommand)
export class PerformListStepHandler implements ICommandHandler<PerformListStepCommand> {
  constructor(private readonly writer: SupportListWriter) {}

  execute({ listId, step, context }: PerformListStepCommand) {
    return this.writer.act(listId, step, context);
  }
}
