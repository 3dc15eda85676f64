import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Logger, NotFoundException, Req, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { metricsRegistry, type AppConfig } from '@lib/platform';
import { Public } from './public.decorator';
import { ProjectionLagProbe } from './projection-lag.probe';
import { MetricsPort } from './metrics-port';

@ApiTags('operations')
@Controller('metrics')
@Public()
@SkipThrottle()
export class MetricsController {
  private readonly logger = new Logger('Metrics');

  private readonly token: Buffer | null;

  constructor(private readonly lag: ProjectionLagProbe, config: ConfigService<AppConfig, true>, private readonly port: MetricsPort) {
    const token = config.get('METRICS_TOKEN', { infer: true });
    this.token = token ? Buffer.from(`Bearer ${token}`) : null;
  }

  /** With METRICS_TOKEN set, only a scraper that presents it reads the metrics (compared in constant time). */
  private requireToken(authorization: string | undefined): void {
    if (!this.token) return;
    const given = Buffer.from(authorization ?? '');
    if (given.length !== this.token.length || !timingSafeEqual(given, this.token)) throw new UnauthorizedException('the metrics need Authorization: Bearer <METRICS_TOKEN>');
  }

  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  @ApiOperation({ summary: 'Prometheus metrics: commands, appends, conflicts, projection lag, alerts, HTTP latency (Bearer METRICS_TOKEN when configured)' })
  async metrics(@Req() request: { headers: Record<string, string | string[] | undefined> }): Promise<string> {
    const authorization = request.headers.authorization;
    if (this.port.separate) throw new NotFoundException('the metrics are served on METRICS_PORT');
    this.requireToken(typeof authorization === 'string' ? authorization : undefined);
    // The lag is measured at scrape time; a database that does not answer leaves the last values.
    await this.lag.measure().catch((error) => this.logger.warn(`projection lag not measured: ${(error as Error).message}`));
    return metricsRegistry.metrics();
  }
}
