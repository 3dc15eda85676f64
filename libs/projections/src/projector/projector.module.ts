import { Logger, Module, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { DEFAULT_DATABASE_URL, EMBEDDED_DATABASE, ProgrammeRegistry, type AppConfig, type EmbeddedDatabase } from '@lib/platform';
import { EventStore } from '@lib/event-store';
import { AnchoringModule } from '../anchoring/anchoring.module';
import { Projector } from './projector';
import { registeredProjections } from './registered-projections';

/** Runs the projector inside a Nest process: started at bootstrap, drained at shutdown. The same process signs the log's anchors. */
@Module({
  imports: [AnchoringModule],
  providers: [
    {
      provide: Projector,
      inject: [EventStore, DataSource, ConfigService, ProgrammeRegistry, { token: EMBEDDED_DATABASE, optional: true }],
      useFactory: (store: EventStore, dataSource: DataSource, config: ConfigService<AppConfig, true>, programmes: ProgrammeRegistry, embedded?: EmbeddedDatabase) => {
        const logger = new Logger('Projector');
        return new Projector(store, dataSource, registeredProjections(programmes.catalog), {
          batchSize: config.get('PROJECTOR_BATCH_SIZE'),
          pollIntervalMs: 1000,
          roundIntervalMs: config.get('PROJECTOR_ROUND_INTERVAL_MS'),
          ...(embedded
            ? { subscribe: (wake: () => void) => embedded.listen('events_appended', wake) }
            : { listenUrl: config.get('DATABASE_URL') ?? DEFAULT_DATABASE_URL }),
          onError: (error) => logger.error(`projection batch failed, will retry: ${(error as Error).message}`),
        });
      },
    },
  ],
  exports: [Projector, AnchoringModule],
})
export class ProjectorModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly projector: Projector) {}

  onApplicationBootstrap(): Promise<void> {
    return this.projector.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.projector.stop();
  }
}
