import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SupportApplicationWriter } from '../support-application-writer';
import { RecordSupportPaymentCommand } from './record-support-payment.command';

@CommandHandler(RecordSupportPaymentCommand)
export class RecordSupportPaymentHandler implements ICommandHandler<RecordSupportPaymentCommand> {
  constructor(private readonly writer: SupportApplicationWriter) {}

  execute({ payment, context }: RecordSupportPaymentCommand) {
    return this.writer.execute(payment.applicationId, context, (now) => ({
      type: 'RecordSupportPayment',
      data: payment,
      metadata: { actor: context.actor, now },
    }));
  }
}
