import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DEFAULT_DATABASE_URL, EMBEDDED_DATABASE, poolOptions, type AppConfig, type EmbeddedDatabase } from '@lib/platform';
import { projectionEntities } from './read-model-schema';

/**
 * TypeORM for the read models; migrations run before the app starts, never `synchronize`.
 * In trial mode it shares the embedded database's one connection with the event store.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService, { token: EMBEDDED_DATABASE, optional: true }],
      useFactory: (config: ConfigService<AppConfig, true>, embedded?: EmbeddedDatabase) => ({
        type: 'postgres' as const,
        ...(embedded
          ? { driver: embedded.typeormDriver() }
          : {
              extra: poolOptions(
                { DB_ACQUIRE_TIMEOUT_MS: config.get('DB_ACQUIRE_TIMEOUT_MS'), DB_STATEMENT_TIMEOUT_MS: config.get('DB_STATEMENT_TIMEOUT_MS') },
                config.get('DATABASE_URL') ?? DEFAULT_DATABASE_URL,
                Math.max(2, Math.floor(config.get('DB_POOL_SIZE') / 2)),
              ),
            }),
        entities: projectionEntities,
        synchronize: false,
        migrationsRun: false,
        // The service's role may not create extensions; the migrations made all it needs.
        installExtensions: false,
        // Keep trying at start-up only briefly; a database that is down is the health check's news.
        retryAttempts: 3,
      }),
    }),
  ],
})
export class ReadModelDatabaseModule {}
