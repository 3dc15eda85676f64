import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { InfrastructureModule, validateConfig, type AppConfig } from '@lib/application';
import { ProjectorModule, ReadModelDatabaseModule } from '@lib/projections';
import { httpLoggingParams } from '../../api/src/operations/http-logging';
import { OperationsModule } from '../../api/src/operations/operations.module';

/**
 * The projector alone: the log into the read models. It answers the same probes and metrics
 * as the API (/health/live, /health/ready with its lag, /metrics) on PROJECTOR_PORT, so an
 * orchestrator can watch and restart it.
 */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateConfig }),
    LoggerModule.forRootAsync({ inject: [ConfigService], useFactory: (config: ConfigService<AppConfig, true>) => httpLoggingParams(config.get('LOG_LEVEL')) }),
    OperationsModule,
    InfrastructureModule,
    ReadModelDatabaseModule,
    ProjectorModule,
  ],
})
export class ProjectorAppModule {}
