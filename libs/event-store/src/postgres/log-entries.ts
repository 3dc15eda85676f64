import type { Checkpoint } from '../event-store';
import type { LogEntry } from '../log-hash';

/** A pg Pool or Client, or anything that answers a query with rows (a TypeORM DataSource, wrapped). */
export interface Queryable {
  query(sql: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * What the log hash covers, in log order, after a checkpoint: no data or metadata, so a whole
 * log is read quickly. Only rows below the oldest running transaction (as PostgresEventStore's
 * readAll): a prefix read here is one that no later commit can change.
 */
export const readLogEntries = async (db: Queryable, after: Checkpoint, limit: number): Promise<LogEntry[]> => {
  const { rows } = await db.query(
    `SELECT transaction_id::text AS transaction_id, global_position, stream_id, stream_version, hash FROM events
      WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
        AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY events.transaction_id, events.global_position
      LIMIT $3`,
    [after.transactionId, after.position, limit],
  );
  return rows.map((row) => ({
    transactionId: String(row.transaction_id),
    position: Number(row.global_position),
    streamId: String(row.stream_id),
    streamVersion: Number(row.stream_version),
    hash: String(row.hash),
  }));
};

/** Reads the log after `after` in pages, handing each entry on in log order; stops when `each` returns false. */
export const scanLog = async (db: Queryable, after: Checkpoint, pageSize: number, each: (entry: LogEntry) => boolean | void): Promise<void> => {
  let from = after;
  for (;;) {
    const page = await readLogEntries(db, from, pageSize);
    for (const entry of page) if (each(entry) === false) return;
    if (page.length < pageSize) return;
    const last = page[page.length - 1];
    from = { transactionId: last.transactionId, position: String(last.position) };
  }
};
