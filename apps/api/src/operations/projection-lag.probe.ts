import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Pool } from 'pg';
import { PG_POOL, projectionLagEvents, projectionLagSeconds } from '@lib/application';
import { Projector, measureProjectionLag, type ProjectionLag } from '@lib/projections';

/**
 * The read side's lag, for readiness and for /metrics. The projections are those of the
 * projector in this process, else those with a checkpoint (the projector runs elsewhere).
 */
@Injectable()
export class ProjectionLagProbe {
  constructor(@Inject(PG_POOL) private readonly pool: Pool, private readonly modules: ModuleRef) {}

  private names(): string[] {
    try {
      return this.modules.get(Projector, { strict: false }).projections.map((projection) => projection.name);
    } catch {
      return [];
    }
  }

  async measure(): Promise<ProjectionLag[]> {
    const lags = await measureProjectionLag(this.pool, this.names());
    for (const lag of lags) {
      projectionLagEvents.set({ projection: lag.projection }, lag.events);
      projectionLagSeconds.set({ projection: lag.projection }, lag.seconds);
    }
    return lags;
  }
}
