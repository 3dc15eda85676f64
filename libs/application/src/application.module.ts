import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStore } from '@lib/event-store';
import { Clock, ProgrammeRegistry, type AppConfig } from '@lib/platform';
import { BeneficiaryKeys } from './beneficiary-keys';
import { CommandMetrics } from './command-metrics';
import { ResolveFraudAlertHandler } from './fraud-alert/resolve-fraud-alert/resolve-fraud-alert.handler';
import { EventStoreStreams } from './stream-writer/stream-store';
import { StreamWriter } from './stream-writer/stream-writer';
import { PerformSupportStepHandler } from './support-application/perform-support-step/perform-support-step.handler';
import { RecordSupportPaymentHandler } from './support-application/record-support-payment/record-support-payment.handler';
import { RecordSupportRecoveryHandler } from './support-application/record-support-recovery/record-support-recovery.handler';
import { SubmitSupportApplicationHandler } from './support-application/submit-support-application/submit-support-application.handler';
import { SupportApplicationWriter } from './support-application/support-application-writer';
import { WithdrawSupportApplicationHandler } from './support-application/withdraw-support-application/withdraw-support-application.handler';

const commandHandlers = [
  SubmitSupportApplicationHandler,
  PerformSupportStepHandler,
  RecordSupportPaymentHandler,
  WithdrawSupportApplicationHandler,
  RecordSupportRecoveryHandler,
  ResolveFraudAlertHandler,
];

/** The write side: the command bus, its handlers and the one writer they share. Needs the PlatformModule. */
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    { provide: StreamWriter, inject: [EventStore, Clock], useFactory: (store: EventStore, clock: Clock) => new StreamWriter(new EventStoreStreams(store), clock) },
    { provide: BeneficiaryKeys, inject: [ConfigService], useFactory: (config: ConfigService<AppConfig, true>) => new BeneficiaryKeys(config.get('CITIZEN_KEY_SECRET')) },
    {
      provide: SupportApplicationWriter,
      inject: [StreamWriter, ProgrammeRegistry, BeneficiaryKeys],
      useFactory: (writer: StreamWriter, programmes: ProgrammeRegistry, keys: BeneficiaryKeys) => new SupportApplicationWriter(writer, programmes, keys),
    },
    ...commandHandlers,
    CommandMetrics,
  ],
  exports: [StreamWriter, BeneficiaryKeys, SupportApplicationWriter, CqrsModule],
})
export class ApplicationModule {}
