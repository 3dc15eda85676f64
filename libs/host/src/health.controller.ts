import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import type { Pool } from 'pg';
import { PG_POOL, type AppConfig } from '@lib/platform';
import { Public } from './public.decorator';
import { ProjectionLagProbe } from './projection-lag.probe';
import { ShutdownState } from './shutdown-state';

/** Kubernetes-style probes: live (the process answers), ready (it can serve, with fresh reads). */
@ApiTags('operations')
@Controller('health')
@Public()
@SkipThrottle()
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly lag: ProjectionLagProbe,
    private readonly shutdown: ShutdownState,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Up, and the database answers (kept for API.md; see /health/ready)' })
  async check() {
    try {
      await this.pool.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException('the database does not answer');
    }
    return { status: 'ok', database: 'up' };
  }

  @Get('live')
  @ApiOperation({ summary: 'The process is running and answering; says nothing about the database' })
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({ summary: 'Ready for traffic: not shutting down, the database answers, projections within the lag bound' })
  async ready() {
    try {
      return await this.health.check([() => this.running(), () => this.database(), () => this.projections()]);
    } catch (error) {
      const details = (error as { getResponse?: () => { error?: Record<string, { message?: string }> } }).getResponse?.().error ?? {};
      const reasons = Object.entries(details).map(([key, value]) => `${key}: ${value.message ?? 'down'}`);
      throw new ServiceUnavailableException(`not ready: ${reasons.join('; ') || (error as Error).message}`);
    }
  }

  private running(): HealthIndicatorResult {
    const check = this.indicators.check('shutdown');
    return this.shutdown.shuttingDown ? check.down({ message: 'shutting down' }) : check.up();
  }

  private async database(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('database');
    try {
      await this.pool.query('SELECT 1');
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }

  private async projections(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('projections');
    const maxEvents = this.config.get('READY_MAX_LAG_EVENTS', { infer: true });
    const maxSeconds = this.config.get('READY_MAX_LAG_SECONDS', { infer: true });
    let lags;
    try {
      lags = await this.lag.measure();
    } catch (error) {
      return check.down({ message: `lag unknown: ${(error as Error).message}` });
    }
    const behind = lags.filter((lag) => lag.events > maxEvents || lag.seconds > maxSeconds);
    const lag = Object.fromEntries(lags.map(({ projection, events, seconds }) => [projection, { events, seconds }]));
    if (behind.length === 0) return check.up({ lag });
    return check.down({ message: behind.map((l) => `${l.projection} is ${l.events} events / ${l.seconds} s behind`).join(', '), lag });
  }
}
