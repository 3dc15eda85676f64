import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SupportApplicationWriter } from '../support-application-writer';
import { WithdrawSupportApplicationCommand } from './withdraw-support-application.command';

@CommandHandler(WithdrawSupportApplicationCommand)
export class WithdrawSupportApplicationHandler implements ICommandHandler<WithdrawSupportApplicationCommand> {
  constructor(private readonly writer: SupportApplicationWriter) {}

  execute({ withdrawal, context }: WithdrawSupportApplicationCommand) {
    return this.writer.execute(withdrawal.applicationId, context, (now) => ({
      type: 'WithdrawSupportApplication',
      data: withdrawal,
      metadata: { actor: context.actor, now },
    }));
  }
}
