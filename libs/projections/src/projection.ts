import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '@lib/event-store';

/**
 * A read model: a name, a version (raise it to rebuild), the event types it reads, the tables
 * it owns and a batch handler. The projector calls `apply` and saves the checkpoint in one
 * transaction. `apply` names its tables unqualified: a rebuild runs it with another schema
 * first on the search_path, into fresh copies of `tables`, and then swaps them in.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  readonly handles: ReadonlySet<string>;
  readonly tables: readonly string[];
  apply(manager: EntityManager, events: readonly StoredEvent[]): Promise<void>;
}

export const bigintColumn = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
