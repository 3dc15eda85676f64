import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CqrsModule } from '@nestjs/cqrs';
import { Pool } from 'pg';
import { EventStore, PostgresEventStore, createEventTypeRegistry } from '@lib/event-store';
import type { AppConfig } from './config/app-config';
import { loadProgrammes } from './programmes/load-programmes';
import { BeneficiaryKeys } from './shared/beneficiary-keys';
import { Clock, SystemClock } from './shared/clock';
import { ProgrammeRegistry } from './shared/programme-registry';
import { SupportApplicationWriter } from './support-application/support-application-writer';
import { PerformSupportStepHandler } from './support-application/perform-support-step/perform-support-step.handler';
import { RecordSupportPaymentHandler } from './support-application/record-support-payment/record-support-payment.handler';
import { RecordSupportRecoveryHandler } from './support-application/record-support-recovery/record-support-recovery.handler';
import { SubmitSupportApplicationHandler } from './support-application/submit-support-application/submit-support-application.handler';
import { WithdrawSupportApplicationHandler } from './support-application/withdraw-support-application/withdraw-support-application.handler';
import { DEFAULT_DATABASE_URL } from './config/database-url';

export const PG_POOL = Symbol('PG_POOL');

const commandHandlers = [
  SubmitSupportApplicationHandler,
  PerformSupportStepHandler,
  RecordSupportPaymentHandler,
  WithdrawSupportApplicationHandler,
  RecordSupportRecoveryHandler,
];

/** The write side's adapters: pool, event store, programme definitions, keys, clock. */
@Global()
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    {
      provide: PG_POOL,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) =>
        new Pool({
          connectionString: config.get('DATABASE_URL') ?? DEFAULT_DATABASE_URL,
          max: config.get('DB_POOL_SIZE'),
        }),
    },
    { provide: EventStore, inject: [PG_POOL], useFactory: (pool: Pool) => new PostgresEventStore(pool, createEventTypeRegistry()) },
    {
      provide: ProgrammeRegistry,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => new ProgrammeRegistry(loadProgrammes(config.get('PROGRAMMES_DIR') ?? undefined)),
    },
    {
      provide: BeneficiaryKeys,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => new BeneficiaryKeys(config.get('CITIZEN_KEY_SECRET')),
    },
    { provide: Clock, useClass: SystemClock },
    {
      provide: SupportApplicationWriter,
      inject: [EventStore, ProgrammeRegistry, BeneficiaryKeys, Clock],
      useFactory: (store: EventStore, programmes: ProgrammeRegistry, keys: BeneficiaryKeys, clock: Clock) =>
        new SupportApplicationWriter(store, programmes, keys, clock),
    },
    ...commandHandlers,
  ],
  exports: [PG_POOL, EventStore, ProgrammeRegistry, BeneficiaryKeys, Clock, SupportApplicationWriter, CqrsModule],
})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
