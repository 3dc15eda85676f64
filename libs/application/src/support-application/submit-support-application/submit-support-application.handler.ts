import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SupportApplicationWriter } from '../support-application-writer';
import { SubmitSupportApplicationCommand } from './submit-support-application.command';

@CommandHandler(SubmitSupportApplicationCommand)
export class SubmitSupportApplicationHandler implements ICommandHandler<SubmitSupportApplicationCommand> {
  constructor(private readonly writer: SupportApplicationWriter) {}

  execute({ applicationId, programmeId, category, applicant, claim, context, receivedOn }: SubmitSupportApplicationCommand) {
    return this.writer.execute(applicationId, context, (now) => ({
      type: 'SubmitSupportApplication',
      data: { applicationId, programmeId, category, applicant, claim, ...(receivedOn === undefined ? {} : { receivedOn }) },
      metadata: { actor: context.actor, now },
    }));
  }
}
