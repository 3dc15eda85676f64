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
import { SubmitSupportApplicationsHandler } from './support-application/submit-support-applications/submit-support-applications.handler';
import { SupportApplicationWriter } from './support-application/support-application-writer';
import { CompileSupportListHandler } from './support-list/compile-support-list/compile-support-list.handler';
import { PerformListStepHandler } from './support-list/perform-list-step/perform-list-step.handler';
import { RecordProvincialDecisionHandler } from './support-list/record-provincial-decision/record-provincial-decision.handler';
import { RecordPaymentReturnHandler, RecordSupportImportHandler } from './support-import/record-support-import';
import { SupportListWriter } from './support-list/support-list-writer';
import { WithdrawSupportApplicationHandler } from './support-application/withdraw-support-application/withdraw-support-application.handler';

const commandHandlers = [
  SubmitSupportApplicationHandler,
  SubmitSupportApplicationsHandler,
  PerformSupportStepHandler,
  RecordSupportPaymentHandler,
  WithdrawSupportApplicationHandler,
  RecordSupportRecoveryHandler,
  ResolveFraudAlertHandler,
  CompileSupportListHandler,
  PerformListStepHandler,
  RecordProvincialDecisionHandler,
  RecordSupportImportHandler,
  RecordPaymentReturnHandler,
];

/** The write side: the command bus, its handlers and the one writer they share. Needs the PlatformModule. */
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    { provide: EventStoreStreams, inject: [EventStore], useFactory: (store: EventStore) => new EventStoreStreams(store) },
    { provide: StreamWriter, inject: [EventStoreStreams, Clock], useFactory: (streams: EventStoreStreams, clock: Clock) => new StreamWriter(streams, clock) },
    { provide: BeneficiaryKeys, inject: [ConfigService], useFactory: (config: ConfigService<AppConfig, true>) => new BeneficiaryKeys(config.get('CITIZEN_KEY_SECRET')) },
    {
      provide: SupportApplicationWriter,
      inject: [StreamWriter, ProgrammeRegistry, BeneficiaryKeys],
      useFactory: (writer: StreamWriter, programmes: ProgrammeRegistry, keys: BeneficiaryKeys) => new SupportApplicationWriter(writer, programmes, keys),
    },
    {
      provide: SupportListWriter,
      inject: [StreamWriter, SupportApplicationWriter, ProgrammeRegistry],
      useFactory: (writer: StreamWriter, applications: SupportApplicationWriter, programmes: ProgrammeRegistry) => new SupportListWriter(writer, applications, programmes),
    },
    ...commandHandlers,
    CommandMetrics,
  ],
  exports: [StreamWriter, BeneficiaryKeys, SupportApplicationWriter, SupportListWriter, CqrsModule],
})
export class ApplicationModule {}
