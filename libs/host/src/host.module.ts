import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '@lib/platform';
import { HealthController } from './health.controller';
import { httpLoggingParams } from './http-logging';
import { MetricsController } from './metrics.controller';
import { MetricsPort } from './metrics-port';
import { ProjectionLagProbe } from './projection-lag.probe';
import { ShutdownState } from './shutdown-state';

export interface HostOptions {
  /** Where the JSON log lines go (stdout unless given); `false`: nowhere (tests). */
  log?: DestinationStream | false;
  /** The API honours METRICS_PORT; the standalone projector has PROJECTOR_PORT. */
  metricsPort?: boolean;
}

/**
 * Running a process as a service, the API and the projector alike: JSON request logs, health
 * probes, Prometheus metrics, the shutdown flag that readiness reports.
 */
@Module({})
export class HostModule {
  static forRoot(options: HostOptions = {}): DynamicModule {
    return {
      module: HostModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<AppConfig, true>) =>
            httpLoggingParams(options.log === false ? 'silent' : config.get('LOG_LEVEL'), options.log || undefined),
        }),
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [ProjectionLagProbe, ShutdownState, options.metricsPort ? MetricsPort : { provide: MetricsPort, useValue: { separate: false } }],
      exports: [ShutdownState, ProjectionLagProbe],
    };
  }
}
