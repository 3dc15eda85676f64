import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL, ProgrammeRegistry, projectionLagEvents, projectionLagSeconds } from '@lib/platform';
import { measureProjectionLag, registeredProjections, type ProjectionLag } from '@lib/projections';

/**
 * The read side's lag, for readiness and for /metrics: every registered projection, whether
 * the projector runs in this process or in its own (one that never ran trails from zero).
 */
@Injectable()
export class ProjectionLagProbe {
  private readonly names: string[];

  constructor(@Inject(PG_POOL) private readonly pool: Pool, programmes: ProgrammeRegistry) {
    this.names = registeredProjections(programmes.catalog).map((projection) => projection.name);
  }

  async measure(): Promise<ProjectionLag[]> {
    const lags = await measureProjectionLag(this.pool, this.names);
    for (const lag of lags) {
      projectionLagEvents.set({ projection: lag.projection }, lag.events);
      projectionLagSeconds.set({ projection: lag.projection }, lag.seconds);
    }
    return lags;
  }
}
