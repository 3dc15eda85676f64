import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { ProjectionLagProbe } from './projection-lag.probe';
import { ShutdownState } from './shutdown-state';

/** Running it as a service: health probes, Prometheus metrics, the shutdown flag. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, MetricsController],
  providers: [ProjectionLagProbe, ShutdownState],
  exports: [ShutdownState, ProjectionLagProbe],
})
export class OperationsModule {}
