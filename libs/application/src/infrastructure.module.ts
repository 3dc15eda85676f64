import { Global, Inject, Logger, Module, Optional, type OnApplicationShutdown } from '@nestjs/common';
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
import { ResolveFraudAlertHandler } from './fraud-alert/resolve-fraud-alert/resolve-fraud-alert.handler';
import { DEFAULT_DATABASE_URL } from './config/database-url';
import { EMBEDDED_DATABASE, type EmbeddedDatabase } from './database/embedded-database';
import { poolOptions } from './database/pool-options';
import { instrumentEventStore } from './metrics/instrumented-event-store';
import { CommandMetrics } from './metrics/command-metrics';

export const PG_POOL = Symbol('PG_POOL');

const commandHandlers = [
  SubmitSupportApplicationHandler,
  PerformSupportStepHandler,
  RecordSupportPaymentHandler,
  WithdrawSupportApplicationHandler,
  RecordSupportRecoveryHandler,
  ResolveFraudAlertHandler,
];

/** The write side's adapters: pool, event store, programme definitions, keys, clock. */
@Global()
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    {
      provide: PG_POOL,
      inject: [ConfigService, { token: EMBEDDED_DATABASE, optional: true }],
      useFactory: (config: ConfigService<AppConfig, true>, embedded?: EmbeddedDatabase) => {
        if (embedded) return embedded.pool;
        const timeouts = { DB_ACQUIRE_TIMEOUT_MS: config.get('DB_ACQUIRE_TIMEOUT_MS'), DB_STATEMENT_TIMEOUT_MS: config.get('DB_STATEMENT_TIMEOUT_MS') };
        const pool = new Pool(poolOptions(timeouts, config.get('DATABASE_URL') ?? DEFAULT_DATABASE_URL, config.get('DB_POOL_SIZE')));
        // A connection the server drops (a restart, a failover) emits 'error'; with no listener
        // the process would crash. The pool listens only while a connection is idle, so every
        // connection gets a listener of its own for the time it is checked out (between the
        // statements of a transaction); the broken connection is then refused by the pool, and
        // the request that held it gets a 503.
        const logger = new Logger('Database');
        pool.on('error', (error) => logger.warn(`idle connection lost: ${error.message}`));
        pool.on('connect', (client) => client.on('error', (error) => logger.warn(`connection lost: ${error.message}`)));
        return pool;
      },
    },
    { provide: EventStore, inject: [PG_POOL], useFactory: (pool: Pool) => instrumentEventStore(new PostgresEventStore(pool, createEventTypeRegistry())) },
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
    CommandMetrics,
  ],
  exports: [PG_POOL, EventStore, ProgrammeRegistry, BeneficiaryKeys, Clock, SupportApplicationWriter, CqrsModule],
})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Optional() @Inject(EMBEDDED_DATABASE) private readonly embedded?: EmbeddedDatabase,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    // The embedded database's pool belongs to it; whoever opened it closes it.
    if (!this.embedded) await this.pool.end();
  }
}
