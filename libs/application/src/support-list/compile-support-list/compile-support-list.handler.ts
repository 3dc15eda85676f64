import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SupportListWriter } from '../support-list-writer';
import { CompileSupportListCommand } from './compile-support-list.command';

@CommandHandler(CompileSupportListCommand)
export class CompileSupportListHandler implements ICommandHandler<CompileSupportListCommand> {
  constructor(private readonly writer: SupportListWriter) {}

  execute({ list, context }: CompileSupportListCommand) {
    return this.writer.compile(list, context);
  }
}
