import type { StoredEvent } from '@lib/event-store';
import { UPSERT_CHUNK_ROWS } from './row-table';

/** The events of a batch a projection handles, by the application they concern, each application's in log order. */
export const eventsByApplication = (events: readonly StoredEvent[], handles: ReadonlySet<string>): Map<string, StoredEvent[]> => {
  const byApplication = new Map<string, StoredEvent[]>();
  for (const event of events) {
    if (!handles.has(event.type)) continue;
    const id = (event.data as { applicationId: string }).applicationId;
    const list = byApplication.get(id);
    if (list) list.push(event);
    else byApplication.set(id, [event]);
  }
  return byApplication;
};

/**
 * The applications a chunk at a time. A batch ends only where a transaction does, so one
 * provincial decision is a batch of 50,000 applications: read, folded and written whole, their
 * rows before and after (and the JSON sent) took the projector past a 512 MB heap. A row depends
 * on its own application's events alone, so chunks are folded and written one after another
 * in the batch's transaction, with the same result.
 */
export const applicationChunks = (byApplication: ReadonlyMap<string, unknown>, size = UPSERT_CHUNK_ROWS): string[][] => {
  const ids = [...byApplication.keys()];
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += size) chunks.push(ids.slice(start, start + size));
  return chunks;
};

/** An application's row before a chunk's events (null: none yet) and after them (null: gone), where they differ. */
export interface RowChange<Row> {
  id: string;
  before: Row | null;
  after: Row | null;
}

/** Folds each application of a chunk from its row as stored through its events in the batch; the applications whose row changed. */
export const changedRows = <Row>(
  ids: readonly string[],
  byApplication: ReadonlyMap<string, readonly StoredEvent[]>,
  stored: ReadonlyMap<string, Row>,
  step: (row: Row | null, event: StoredEvent) => Row | null,
): RowChange<Row>[] => {
  const changes: RowChange<Row>[] = [];
  for (const id of ids) {
    const before = stored.get(id) ?? null;
    const after = byApplication.get(id)!.reduce(step, before);
    if (after !== before) changes.push({ id, before, after });
  }
  return changes;
};
