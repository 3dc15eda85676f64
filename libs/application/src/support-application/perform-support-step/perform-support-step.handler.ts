import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SupportApplicationWriter } from '../support-application-writer';
import { PerformSupportStepCommand } from './perform-support-step.command';

@CommandHandler(PerformSupportStepCommand)
export class PerformSupportStepHandler implements ICommandHandler<PerformSupportStepCommand> {
  constructor(private readonly writer: SupportApplicationWriter) {}

  execute({ step, context }: PerformSupportStepCommand) {
    return this.writer.execute(step.applicationId, context, (now) => ({
      type: 'PerformSupportStep',
      data: step,
      metadata: { actor: context.actor, now },
    }));
  }
}
