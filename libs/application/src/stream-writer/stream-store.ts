import { EventStore, headOf, type AppendOutcome, type AppendRequest, type CommandBinding, type StoredEvent, type StreamHead } from '@lib/event-store';

/** How a stream's events fold into the state its decider needs. */
export interface Fold<S> {
  initial(): S;
  evolve(state: S, event: StoredEvent): S;
}

export interface LoadedStream<S> {
  state: S;
  head: StreamHead;
}

/**
 * Where a writer reads stream states and commits appends. In production it is the event
 * store itself; seeding puts a cache in front of a bulk appender, and synthetic data keeps
 * everything in memory. Whatever the store, commands are decided by the same writer.
 */
export interface StreamStore {
  findCommand(commandId: string): Promise<object | null>;
  /** The first result and what the command id was used for; stores that keep no bindings leave it out. */
  findCommandRecord?(commandId: string): Promise<{ result: object; binding: CommandBinding | null } | null>;
  load<S>(streamId: string, fold: Fold<S>): Promise<LoadedStream<S>>;
  /** Many streams at once (a list's applications); stores without it are read stream by stream. */
  loadMany?<S>(streamIds: readonly string[], fold: Fold<S>): Promise<Map<string, LoadedStream<S>>>;
  /** `after` holds each appended stream's state once its new events are folded in. */
  commit(request: AppendRequest, after: ReadonlyMap<string, unknown>): Promise<AppendOutcome>;
}

/** What PostgresEventStore adds to the port: many streams in one query, many commands in one transaction. */
export interface ManyStreamsStore {
  readStreams(streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>>;
  appendBatch(requests: readonly AppendRequest[]): Promise<{ duplicates: string[] }>;
}

const canReadMany = (store: EventStore): store is EventStore & ManyStreamsStore =>
  typeof (store as Partial<ManyStreamsStore>).readStreams === 'function' && typeof (store as Partial<ManyStreamsStore>).appendBatch === 'function';

/** Streams per query: large enough that a 5,000-application list is five round trips, small enough for one ANY($1) array. */
export const STREAMS_PER_READ = 1_000;

/** The event store as a StreamStore: each load is a read of the stream, each commit an append. */
export class EventStoreStreams implements StreamStore {
  constructor(private readonly store: EventStore) {}

  /** The store's own many-stream read and batch append, when it has them. */
  get many(): ManyStreamsStore | null {
    return canReadMany(this.store) ? this.store : null;
  }

  async loadMany<S>(streamIds: readonly string[], fold: Fold<S>): Promise<Map<string, LoadedStream<S>>> {
    const loaded = new Map<string, LoadedStream<S>>();
    const many = this.many;
    if (!many) {
      for (const streamId of streamIds) loaded.set(streamId, await this.load(streamId, fold));
      return loaded;
    }
    for (let start = 0; start < streamIds.length; start += STREAMS_PER_READ) {
      const read = await many.readStreams(streamIds.slice(start, start + STREAMS_PER_READ));
      for (const [streamId, events] of read) loaded.set(streamId, { state: events.reduce(fold.evolve, fold.initial()), head: headOf(events) });
    }
    return loaded;
  }

  findCommand(commandId: string): Promise<object | null> {
    return this.store.findCommand(commandId);
  }

  findCommandRecord(commandId: string): Promise<{ result: object; binding: CommandBinding | null } | null> {
    return this.store.findCommandRecord(commandId);
  }

  async load<S>(streamId: string, fold: Fold<S>): Promise<LoadedStream<S>> {
    const events = await this.store.readStream(streamId);
    return { state: events.reduce(fold.evolve, fold.initial()), head: headOf(events) };
  }

  commit(request: AppendRequest): Promise<AppendOutcome> {
    return this.store.append(request);
  }
}
