import { Global, Inject, Module, Optional, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import type { Pool } from 'pg';
import { DEFAULT_COALESCING, EventStore, PostgresEventStore } from '@lib/event-store';
import { Clock, SystemClock } from './clock';
import { validateConfig, type AppConfig } from './config/app-config';
import { EMBEDDED_DATABASE, type EmbeddedDatabase } from './database/embedded-database';
import { PG_POOL, createServicePool } from './database/pg-pool';
import { createEventTypeRegistry } from './event-store/event-catalogue';
import { instrumentEventStore } from './metrics/instrumented-event-store';
import { ProgrammeRegistry } from './programmes/programme-registry';

export interface PlatformOptions {
  /** The settings; default: the environment, validated (one line per bad setting). */
  config?: AppConfig;
  /** Trial mode: the embedded database instead of DATABASE_URL. */
  embedded?: EmbeddedDatabase;
}

/**
 * What every process needs, whichever side it serves, through one config path: the validated
 * settings, the pool, the event store with its catalogue, the programme definitions, the clock.
 */
@Global()
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Optional() @Inject(EMBEDDED_DATABASE) private readonly embedded?: EmbeddedDatabase,
  ) {}

  static forRoot(options: PlatformOptions = {}): DynamicModule {
    const config = options.config;
    return {
      module: PlatformModule,
            // Settings handed in are the whole truth: the environment neither fills gaps nor hears of them.
      imports: [
        ConfigModule.forRoot(
          config
            ? { isGlobal: true, ignoreEnvFile: true, ignoreEnvVars: true, skipProcessEnv: true, validate: () => ({ ...config }) }
            : { isGlobal: true, ignoreEnvFile: true, validate: validateConfig },
        ),
      ],
      providers: [
        ...(options.embedded ? [{ provide: EMBEDDED_DATABASE, useValue: options.embedded }] : []),
        {
          provide: PG_POOL,
          inject: [ConfigService],
          useFactory: (settings: ConfigService<AppConfig, true>) =>
            options.embedded
              ? options.embedded.pool
              : createServicePool(
                  {
                    DATABASE_URL: settings.get('DATABASE_URL'),
                    DB_ACQUIRE_TIMEOUT_MS: settings.get('DB_ACQUIRE_TIMEOUT_MS'),
                    DB_STATEMENT_TIMEOUT_MS: settings.get('DB_STATEMENT_TIMEOUT_MS'),
                  },
                  settings.get('DB_POOL_SIZE'),
                ),
        },
        {
          provide: EventStore,
          inject: [PG_POOL, ConfigService],
          useFactory: (pool: Pool, settings: ConfigService<AppConfig, true>) =>
            instrumentEventStore(new PostgresEventStore(pool, createEventTypeRegistry(), { ...DEFAULT_COALESCING, maxStatementEvents: settings.get('APPEND_STATEMENT_EVENTS') })),
        },
        {
          provide: ProgrammeRegistry,
          inject: [ConfigService],
          useFactory: (settings: ConfigService<AppConfig, true>) => ProgrammeRegistry.load(settings.get('PROGRAMMES_DIR') ?? undefined),
        },
        { provide: Clock, useClass: SystemClock },
      ],
      exports: [...(options.embedded ? [EMBEDDED_DATABASE] : []), PG_POOL, EventStore, ProgrammeRegistry, Clock],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    // The embedded database's pool belongs to it; whoever opened it closes it.
    if (!this.embedded) await this.pool.end();
  }
}
