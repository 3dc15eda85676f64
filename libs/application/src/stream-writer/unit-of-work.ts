import type { AppendRequest, CarriedBy, NewEvent, StoredEvent, StreamAppend } from '@lib/event-store';
import { VersionMismatch, type CommandContext } from '../command-context';
import type { Fold, LoadedStream, StreamStore } from './stream-store';

interface Entry {
  fold: Fold<unknown>;
  loaded: LoadedStream<unknown>;
  state: unknown;
  events: NewEvent[];
}

/**
 * One attempt at a command: the streams it read (with the head each was at) and the events it
 * decided for them. Everything goes into one append, which names every head it read, so a
 * command that spans streams (an approval and the person's stream; a list and its
 * applications) is stored whole or refused whole.
 */
export class UnitOfWork {
  private readonly streams = new Map<string, Entry>();
  private pinned: string | null = null;
  private role: string | null = null;
  private carried: CarriedBy | null = null;

  constructor(private readonly store: StreamStore, private readonly context: CommandContext) {}

  /**
   * The stream's state, read once per attempt. The target stream is `pinned`: an If-Match from
   * the caller is checked against it, here and again when the append finds it moved.
   */
  async load<S>(streamId: string, fold: Fold<S>, options: { pinned?: boolean } = {}): Promise<S> {
    const known = this.streams.get(streamId);
    if (known) return known.state as S;
    const loaded = await this.store.load(streamId, fold);
    if (options.pinned) {
      this.pinned = streamId;
      const expected = this.context.expectedVersion;
      if (expected !== undefined && expected !== loaded.head.version) throw new VersionMismatch(expected, loaded.head.version);
    }
    this.streams.set(streamId, { fold: fold as Fold<unknown>, loaded, state: loaded.state, events: [] });
    return loaded.state;
  }

  /**
   * Reads many streams at once (a list's applications): in a few queries of many streams each
   * when the store can, otherwise a few streams at a time, so a list act does not wait for
   * thousands of reads one after another. Streams already read are left as they are.
   */
  async preload<S>(streamIds: readonly string[], fold: Fold<S>, concurrency = 16): Promise<void> {
    const wanted = [...new Set(streamIds)].filter((streamId) => !this.streams.has(streamId));
    const keep = (streamId: string, loaded: LoadedStream<unknown>) => {
      if (!this.streams.has(streamId)) this.streams.set(streamId, { fold: fold as Fold<unknown>, loaded, state: loaded.state, events: [] });
    };
    if (this.store.loadMany && wanted.length > 1) {
      for (const [streamId, loaded] of await this.store.loadMany(wanted, fold)) keep(streamId, loaded);
      return;
    }
    let next = 0;
    const worker = async () => {
      while (next < wanted.length) {
        const streamId = wanted[next++];
        keep(streamId, await this.store.load(streamId, fold));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, wanted.length) }, worker));
  }

  /** The list (and decision) that carries the events appended from now on, recorded in their metadata. */
  carry(carriedBy: CarriedBy | null): void {
    this.carried = carriedBy;
  }

  /** Adds events to a stream read in this attempt; returns its state with them folded in. */
  append<S>(streamId: string, events: readonly NewEvent[]): S {
    const entry = this.streams.get(streamId);
    if (!entry) throw new Error(`${streamId} must be loaded before events are appended to it`);
    const carried = this.carried;
    entry.events.push(...(carried ? events.map((event) => ({ ...event, carriedBy: carried })) : events));
    entry.state = events.reduce((state, event) => entry.fold.evolve(state, event as StoredEvent), entry.state);
    return entry.state as S;
  }

  /** The version a stream will be at once this attempt is stored. */
  versionOf(streamId: string): number {
    const entry = this.streams.get(streamId);
    return entry ? entry.loaded.head.version + entry.events.length : 0;
  }

  /** The role the command acts in, recorded with every event. */
  actingAs(role: string | null): void {
    this.role = role;
  }

  get pinnedStream(): string | null {
    return this.pinned;
  }

  request(recordedAt: string, result: object): AppendRequest {
    const appends: StreamAppend[] = [...this.streams.entries()]
      .filter(([, entry]) => entry.events.length > 0)
      .map(([streamId, entry]) => ({ streamId, expected: entry.loaded.head, events: entry.events }));
    const { actor, commandId, correlationId } = this.context;
    return {
      commandId,
      recordedAt,
      metadata: { actorId: actor.id, role: this.role, ward: actor.ward, correlationId, causationId: commandId },
      appends,
      result,
      ...(this.context.binding ? { binding: this.context.binding } : {}),
    };
  }

  after(): ReadonlyMap<string, unknown> {
    return new Map([...this.streams.entries()].filter(([, entry]) => entry.events.length > 0).map(([streamId, entry]) => [streamId, entry.state]));
  }
}
