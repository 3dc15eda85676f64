/** How far one projection trails the log. */
export interface ProjectionLag {
  projection: string;
  /** Committed events it has not applied (counted up to a million). */
  events: number;
  /**
   * How long the oldest of them has waited: since it was recorded, or since the projection last
   * moved if that is later (an import backdates `recorded_at`; a projector working through a
   * backlog is behind, not stuck). 0 when nothing waits.
   */
  seconds: number;
}

interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

/**
 * Lag of the named projections, measured in the database (its clock, its committed rows). A
 * projection that never ran trails from position zero; checkpoints of others (a projection since
 * removed) are ignored.
 */
export const measureProjectionLag = async (db: Queryable, names: readonly string[]): Promise<ProjectionLag[]> => {
  const { rows } = await db.query(
    `WITH names AS (SELECT DISTINCT unnest($1::text[]) AS name),
          progress AS (
            SELECT n.name, coalesce(c.transaction_id, '0'::xid8) AS transaction_id, coalesce(c.position, 0) AS position, c.updated_at
              FROM names n LEFT JOIN projection_checkpoints c ON c.name = n.name)
     SELECT p.name,
            (SELECT count(*) FROM (SELECT 1 FROM events e WHERE (e.transaction_id, e.global_position) > (p.transaction_id, p.position) LIMIT 1000000) pending)::int AS events,
            coalesce(extract(epoch FROM now() - greatest(
              (SELECT e.recorded_at FROM events e WHERE (e.transaction_id, e.global_position) > (p.transaction_id, p.position)
                ORDER BY e.transaction_id, e.global_position LIMIT 1),
              p.updated_at)), 0)::float8 AS seconds
       FROM progress p ORDER BY p.name`,
    [names],
  );
  return rows.map((row) => ({ projection: row.name, events: row.events, seconds: row.events === 0 ? 0 : Math.max(0, Math.round(row.seconds * 1000) / 1000) }));
};
