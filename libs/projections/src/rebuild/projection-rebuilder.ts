import type { DataSource } from 'typeorm';
import type { EventStore } from '@lib/event-store';
import type { Projection } from '../projection';
import { Projector } from '../projector/projector';
import { copyTablesInto } from './scratch-tables';

export interface RebuildProgress {
  applied: number;
  total: number;
}

export interface RebuildReport {
  projection: string;
  version: number;
  events: number;
  seconds: number;
}

const schemaFor = (projection: Projection, prefix: string) => `${prefix}_${projection.name.replace(/[^a-z0-9]/g, '_')}`;

/**
 * Rebuilds a read model from position zero into fresh copies of its tables in a schema of
 * their own, while the live tables keep serving; when the copy has caught up, one transaction
 * applies the last events, swaps the copies in and moves the checkpoint, and the old tables are
 * dropped. Interrupted, it resumes from the copy's own checkpoint.
 */
export class ProjectionRebuilder {
  constructor(private readonly store: EventStore, private readonly dataSource: DataSource, private readonly batchSize = 5000) {}

  async rebuild(projection: Projection, onProgress?: (progress: RebuildProgress) => void): Promise<RebuildReport> {
    const started = Date.now();
    const schema = schemaFor(projection, 'rebuild');
    await this.prepare(projection, schema);
    const total = Number((await this.dataSource.query('SELECT count(*) AS n FROM events'))[0].n);
    let applied = await this.applied(schema, projection);
    // The catch-up path of the live projector and the bench (Projector.catchUp): the next batch is
    // read while this one is applied, each batch in one transaction with the copy's checkpoint.
    const projector = new Projector(this.store, this.dataSource, [projection], {
      batchSize: this.batchSize,
      pollIntervalMs: 1000,
      schema,
      onApplied: (events) => {
        applied += events;
        onProgress?.({ applied, total: Math.max(total, applied) });
      },
    });
    onProgress?.({ applied, total });
    await projector.catchUp();
    await this.switchOver(projection, projector, schema);
    return { projection: projection.name, version: projection.version, events: applied, seconds: (Date.now() - started) / 1000 };
  }

  private prepare(projection: Projection, schema: string): Promise<void> {
    return copyTablesInto(this.dataSource, schema, [...projection.tables, 'projection_checkpoints']);
  }

  private async applied(schema: string, projection: Projection): Promise<number> {
    const rows = await this.dataSource.query(`SELECT events_applied FROM ${schema}.projection_checkpoints WHERE name = $1`, [projection.name]);
    return Number(rows[0]?.events_applied ?? 0);
  }

  private async switchOver(projection: Projection, projector: Projector, schema: string): Promise<void> {
    const retired = schemaFor(projection, 'retired');
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL search_path TO ${schema}, public`);
      // Holding the live checkpoint stops the live projector until the swap is committed.
      await manager.query(`INSERT INTO public.projection_checkpoints (name, version) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [projection.name, projection.version]);
      await manager.query(`SELECT 1 FROM public.projection_checkpoints WHERE name = $1 FOR UPDATE`, [projection.name]);
      while ((await projector.applyNextBatch(manager, projection)) > 0);
      await manager.query(`DROP SCHEMA IF EXISTS ${retired} CASCADE`);
      await manager.query(`CREATE SCHEMA ${retired}`);
      for (const table of projection.tables) {
        await manager.query(`ALTER TABLE public.${table} SET SCHEMA ${retired}`);
        await manager.query(`ALTER TABLE ${schema}.${table} SET SCHEMA public`);
      }
      await manager.query(
        `UPDATE public.projection_checkpoints AS live
            SET version = $2, transaction_id = copy.transaction_id, position = copy.position,
                events_applied = copy.events_applied, updated_at = now()
           FROM ${schema}.projection_checkpoints AS copy
          WHERE live.name = $1 AND copy.name = $1`,
        [projection.name, projection.version],
      );
    });
    await this.dataSource.query(`DROP SCHEMA ${retired} CASCADE`);
    await this.dataSource.query(`DROP SCHEMA ${schema} CASCADE`);
  }
}
