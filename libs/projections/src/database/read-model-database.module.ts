import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DEFAULT_DATABASE_URL, type AppConfig } from '@lib/application';
import { projectionEntities } from './read-model-schema';

/** TypeORM for the read models; migrations run before the app starts, never `synchronize`. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        type: 'postgres' as const,
        url: config.get('DATABASE_URL') ?? DEFAULT_DATABASE_URL,
        entities: projectionEntities,
        synchronize: false,
        migrationsRun: false,
        extra: { max: Math.max(2, Math.floor(config.get('DB_POOL_SIZE') / 2)) },
      }),
    }),
  ],
})
export class ReadModelDatabaseModule {}
