import type { DataSource } from 'typeorm';
import type { Projection } from '../projection';

export interface ProjectionStatus {
  name: string;
  codeVersion: number;
  storedVersion: number | null;
  checkpoint: { transactionId: string; position: number } | null;
  eventsApplied: number;
  lagEvents: number;
  /** How long the projection has had work waiting without catching up (0 when caught up). */
  lagSeconds: number;
  rebuildNeeded: boolean;
}

/** Checkpoint, lag and version of each projection, read from the checkpoints and the log. */
export const projectionStatus = async (dataSource: DataSource, projections: readonly Projection[]): Promise<ProjectionStatus[]> => {
  const statuses: ProjectionStatus[] = [];
  for (const projection of projections) {
    const [row] = await dataSource.query(
      `SELECT version, transaction_id::text AS transaction_id, position, events_applied, extract(epoch FROM now() - updated_at) AS idle
         FROM projection_checkpoints WHERE name = $1`,
      [projection.name],
    );
    const [lag] = await dataSource.query(
      `SELECT count(*) AS n FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)`,
      [row?.transaction_id ?? '0', row?.position ?? 0],
    );
    const lagEvents = Number(lag.n);
    statuses.push({
      name: projection.name,
      codeVersion: projection.version,
      storedVersion: row ? Number(row.version) : null,
      checkpoint: row ? { transactionId: row.transaction_id, position: Number(row.position) } : null,
      eventsApplied: Number(row?.events_applied ?? 0),
      lagEvents,
      lagSeconds: lagEvents > 0 && row ? Math.round(Number(row.idle)) : 0,
      rebuildNeeded: row ? Number(row.version) < projection.version : false,
    });
  }
  return statuses;
};
