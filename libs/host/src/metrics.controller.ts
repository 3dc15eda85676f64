import { Controller, Get, Header, Logger } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { metricsRegistry } from '@lib/platform';
import { Public } from './public.decorator';
import { ProjectionLagProbe } from './projection-lag.probe';

@ApiTags('operations')
@Controller('metrics')
@Public()
@SkipThrottle()
export class MetricsController {
  private readonly logger = new Logger('Metrics');

  constructor(private readonly lag: ProjectionLagProbe) {}

  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  @ApiOperation({ summary: 'Prometheus metrics: commands, appends, conflicts, projection lag, alerts, HTTP latency' })
  async metrics(): Promise<string> {
    // The lag is measured at scrape time; a database that does not answer leaves the last values.
    await this.lag.measure().catch((error) => this.logger.warn(`projection lag not measured: ${(error as Error).message}`));
    return metricsRegistry.metrics();
  }
}
