import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { InfrastructureModule, validateConfig } from '@lib/application';
import { ProjectorModule, ReadModelDatabaseModule } from '@lib/projections';

/** The projector alone: no HTTP, just the log into the read models. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateConfig }),
    InfrastructureModule,
    ReadModelDatabaseModule,
    ProjectorModule,
  ],
})
export class ProjectorAppModule {}
