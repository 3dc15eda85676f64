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
  /** `after` holds each appended stream's state once its new events are folded in. */
  commit(request: AppendRequest, after: ReadonlyMap<string, unknown>): Promise<AppendOutcome>;
}

/** The event store as a StreamStore: each load is a read of the stream, each commit an append. */
export class EventStoreStreams implements StreamStore {
  constructor(private readonly store: EventStore) {}

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
