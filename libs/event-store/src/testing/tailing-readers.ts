import type { Pool } from 'pg';
import { START, type Checkpoint } from '../event-store';
import type { PostgresEventStore } from '../postgres/postgres-event-store';

/** What a tailing consumer hands on, in the order it hands it on. */
export interface Delivered {
  eventId: string;
  position: number;
  transactionId: string;
}

export interface TailingReader {
  readonly name: string;
  /** One read from the reader's own checkpoint; the checkpoint then moves to what it returns. */
  poll(): Promise<Delivered[]>;
  /** Where the reader stands, as the transaction id it would not read below again (for assertions). */
  standsAfter(): { transactionId: string | null; position: number };
}

/** The consumer the projector is meant to be: EventStore.readAll from START, keeping the checkpoint it returns. */
export class CheckpointReader implements TailingReader {
  readonly name = 'readAll with (transaction id, position) checkpoint';
  private checkpoint: Checkpoint = START;

  constructor(private readonly store: PostgresEventStore, private readonly batch: number) {}

  async poll(): Promise<Delivered[]> {
    const { events, checkpoint } = await this.store.readAll(this.checkpoint, this.batch);
    this.checkpoint = checkpoint;
    return events.map(({ eventId, position, transactionId }) => ({ eventId, position, transactionId }));
  }

  standsAfter() {
    return { transactionId: this.checkpoint.transactionId, position: Number(this.checkpoint.position) };
  }
}

/**
 * The control: the textbook broken consumer, `global_position > checkpoint ORDER BY
 * global_position`, keeping the last position it saw. A writer that took a lower position
 * and commits after a later one is skipped for good.
 */
export class SequenceOnlyReader implements TailingReader {
  readonly name = 'sequence-only reader (deliberately broken)';
  private last = 0;

  constructor(private readonly pool: Pool, private readonly batch: number) {}

  async poll(): Promise<Delivered[]> {
    const { rows } = await this.pool.query(
      `SELECT event_id, global_position, transaction_id::text AS transaction_id FROM events
        WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
      [this.last, this.batch],
    );
    const delivered = rows.map((row) => ({ eventId: row.event_id, position: Number(row.global_position), transactionId: row.transaction_id }));
    if (delivered.length > 0) this.last = delivered[delivered.length - 1].position;
    return delivered;
  }

  standsAfter() {
    return { transactionId: null, position: this.last };
  }
}

/** Polls until a poll returns nothing: as far as the reader can get right now. */
export const drain = async (reader: TailingReader, into: Delivered[]): Promise<void> => {
  for (;;) {
    const batch = await reader.poll();
    if (batch.length === 0) return;
    into.push(...batch);
  }
};

/** Every event in the table, in the order a gap-safe reader must hand them on. */
export const tableOrder = async (pool: Pool): Promise<Delivered[]> =>
  (
    await pool.query(`SELECT event_id, global_position, transaction_id::text AS transaction_id FROM events ORDER BY events.transaction_id, events.global_position`)
  ).rows.map((row) => ({ eventId: row.event_id, position: Number(row.global_position), transactionId: row.transaction_id }));

export interface DeliveryReport {
  missed: string[];
  duplicated: string[];
  unknown: string[];
}

/** Compares what a consumer handed on with the table: what it missed, handed on twice, or made up. */
export const compareWithTable = (delivered: readonly Delivered[], table: readonly Delivered[]): DeliveryReport => {
  const seen = new Map<string, number>();
  for (const { eventId } of delivered) seen.set(eventId, (seen.get(eventId) ?? 0) + 1);
  const inTable = new Set(table.map((event) => event.eventId));
  return {
    missed: table.filter((event) => !seen.has(event.eventId)).map((event) => event.eventId),
    duplicated: [...seen].filter(([, count]) => count > 1).map(([eventId]) => eventId),
    unknown: [...seen.keys()].filter((eventId) => !inTable.has(eventId)),
  };
};
