import { Module, type DynamicModule } from '@nestjs/common';
import { HostModule } from '@lib/host';
import { PlatformModule, type AppConfig } from '@lib/platform';
import { ProjectorModule, ReadModelDatabaseModule } from '@lib/projections';

/**
 * The projector alone: the log into the read models. It answers the same probes and metrics
 * as the API (/health/live, /health/ready with its lag, /metrics) on PROJECTOR_PORT, so an
 * orchestrator can watch and restart it.
 */
@Module({})
export class ProjectorAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ProjectorAppModule,
      imports: [PlatformModule.forRoot({ config }), HostModule.forRoot(), ReadModelDatabaseModule, ProjectorModule],
    };
  }
}
