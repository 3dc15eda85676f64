/** Who did it and why, stored with every event by the store, never by the domain. */
export interface EventMetadata {
  actorId: string;
  role: string | null;
  ward: string | null;
  commandId: string;
  correlationId: string;
  causationId: string | null;
  /** The list whose act carried the event, when an office acted on a whole list at once. */
  listId?: string;
  /** The decision number that carried the event (a provincial decision over many lists). */
  decisionNo?: string;
}

/** What one event of a multi-part command adds to the command's metadata: which list carried it. */
export type CarriedBy = Pick<EventMetadata, 'listId' | 'decisionNo'>;

export interface NewEvent {
  type: string;
  data: object;
  /** Set only when the events of one append were carried by different lists. */
  carriedBy?: CarriedBy;
}

export interface StoredEvent<Data extends object = any> {
  position: number;
  transactionId: string;
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  /** The version the event was stored at; `data` is already upcast to the current shape. */
  storedSchemaVersion: number;
  data: Data;
  /** The data as stored (and hashed), present only when upcasting changed it. */
  storedData?: object;
  metadata: EventMetadata;
  recordedAt: string;
  hash: string;
}

/** Where a stream stood when it was read; appends must name it. */
export interface StreamHead {
  version: number;
  hash: string | null;
}

export interface StreamAppend {
  streamId: string;
  expected: StreamHead;
  events: NewEvent[];
}

/**
 * What a command id was used for: who issued it, on which route, against which target, with
 * which body (a hash). Kept beside the command so that the same id used for something else is
 * refused instead of answered with the first result.
 */
export interface CommandBinding {
  issuedBy: string;
  route: string;
  target: string;
  bodyHash: string;
}

/** A command id recorded before, used now for another route, target or body. */
export class CommandIdReused extends Error {
  readonly code = 'idempotency-key-reused';
  constructor(readonly commandId: string, readonly first: CommandBinding, readonly now: CommandBinding) {
    super(`this Idempotency-Key was used for ${first.route}${first.target ? ` on ${first.target}` : ''}${first.bodyHash !== now.bodyHash && first.route === now.route && first.target === now.target ? ' with another body' : ''}; use a new key for a new request`);
    this.name = 'CommandIdReused';
  }
}

/** Another route, target or body than the first use (a legacy command without a binding matches anything). */
export const bindingDiffers = (first: CommandBinding | null | undefined, now: CommandBinding | null | undefined): boolean =>
  !!first && !!now && (first.issuedBy !== now.issuedBy || first.route !== now.route || first.target !== now.target || first.bodyHash !== now.bodyHash);

export interface AppendRequest {
  commandId: string;
  /** Recorded with the command id (separate columns), checked on every repeat. */
  binding?: CommandBinding;
  metadata: Omit<EventMetadata, 'commandId'>;
  recordedAt: string;
  appends: StreamAppend[];
  /** Returned as is to a repeat of the same command id. */
  result: object;
}

export type AppendOutcome =
  | { duplicate: false; result: object; positions: number[]; heads: Record<string, StreamHead> }
  | { duplicate: true; result: object };

/** A position in the global log that no later commit can fall behind: (transaction id, position). */
export interface Checkpoint {
  transactionId: string;
  position: string;
}

export const START: Checkpoint = { transactionId: '0', position: '0' };

export interface ReadAllResult {
  events: StoredEvent[];
  checkpoint: Checkpoint;
}

export interface ReadStreamOptions {
  /** Fold only up to this stream version (time travel by version). */
  toVersion?: number;
  /** Only events recorded at or before this instant (time travel by time). */
  asOf?: string;
}

export class ConcurrencyError extends Error {
  constructor(readonly streamId: string, readonly expectedVersion: number) {
    super(`stream ${streamId} is no longer at version ${expectedVersion}`);
    this.name = 'ConcurrencyError';
  }
}

/** The port the application depends on; PostgresEventStore is the implementation. */
export abstract class EventStore {
  abstract readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  abstract append(request: AppendRequest): Promise<AppendOutcome>;
  abstract findCommand(commandId: string): Promise<object | null>;

  /** The first result of a command id and what it was used for (null binding: not recorded). */
  async findCommandRecord(commandId: string): Promise<{ result: object; binding: CommandBinding | null } | null> {
    const result = await this.findCommand(commandId);
    return result ? { result, binding: null } : null;
  }
  abstract readAll(after: Checkpoint, limit: number): Promise<ReadAllResult>;
}

export const headOf = (events: readonly StoredEvent[]): StreamHead =>
  events.length === 0 ? { version: 0, hash: null } : { version: events[events.length - 1].streamVersion, hash: events[events.length - 1].hash };
