import { createServer, type Server } from 'node:http';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { metricsRegistry, type AppConfig } from '@lib/platform';
import { ProjectionLagProbe } from './projection-lag.probe';

/**
 * With METRICS_PORT set, the API's /metrics moves to a port of its own (bound where the
 * operator's scraper reaches it, not the public one); the main port then answers 404 there.
 */
@Injectable()
export class MetricsPort implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: Server | null = null;
  readonly port: number;
  private readonly token: string | undefined;

  constructor(config: ConfigService<AppConfig, true>, private readonly lag: ProjectionLagProbe) {
    this.port = config.get('METRICS_PORT', { infer: true }) ?? 0;
    this.token = config.get('METRICS_TOKEN', { infer: true });
  }

  get separate(): boolean {
    return this.port > 0;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.separate) return;
    this.server = createServer((request, response) => {
      if ((request.url ?? '').split('?')[0] !== '/metrics' || request.method !== 'GET') return void response.writeHead(404).end();
      if (this.token && request.headers.authorization !== `Bearer ${this.token}`) return void response.writeHead(401).end();
      void this.lag
        .measure()
        .catch((error) => this.logger.warn(`projection lag not measured: ${(error as Error).message}`))
        .then(() => metricsRegistry.metrics())
        .then((text) => response.writeHead(200, { 'Content-Type': metricsRegistry.contentType }).end(text));
    });
    await new Promise<void>((resolve, reject) => this.server!.once('error', reject).listen(this.port, resolve));
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}
