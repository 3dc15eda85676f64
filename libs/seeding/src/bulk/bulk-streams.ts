import type { Fold, LoadedStream, StreamStore } from '@lib/application';
import { headOf, type AppendOutcome, type AppendRequest, type StoredEvent } from '@lib/event-store';
import { BulkAppender, type BatchAppendStore, type BulkAppenderOptions } from './bulk-appender';

/** A store the bulk path can read through (PostgresEventStore). */
export interface BulkStore extends BatchAppendStore {
  readStream(streamId: string): Promise<StoredEvent[]>;
  readStreams(streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>>;
}

export interface BulkStreamsOptions extends BulkAppenderOptions {
  /** Streams kept in memory; past this the cache is emptied once what it holds is stored (default 100,000). */
  maxCachedStreams?: number;
}

/**
 * The writer's store for imports and seeding: stream states kept in memory, so a command
 * needs no round trip, and appends queued to a BulkAppender that stores thousands of commands
 * per statement. It assumes nobody else writes these streams meanwhile.
 */
export class BulkStreams implements StreamStore {
  private readonly cache = new Map<string, LoadedStream<unknown>>();
  readonly appender: BulkAppender;

  constructor(private readonly store: BulkStore, private readonly options: BulkStreamsOptions = {}) {
    this.appender = new BulkAppender(store, options);
    // The store computes the hashes; keep them, so the next batch need not look heads up.
    this.appender.onHeads((heads) => {
      for (const [streamId, head] of Object.entries(heads)) {
        const cached = this.cache.get(streamId);
        if (cached && cached.head.version === head.version) cached.head = head;
      }
    });
  }

  /** A re-run's commands are found duplicate by the batch that carries them, not one by one. */
  async findCommand(): Promise<object | null> {
    return null;
  }

  /** Reads these streams in one query, so the commands that follow never wait on a read. */
  async prefetch(streams: readonly { streamId: string; fold: Fold<unknown> }[]): Promise<void> {
    const missing = streams.filter(({ streamId }) => !this.cache.has(streamId));
    // Whatever a batch in flight writes is in the cache (it is emptied only after a drain), so
    // the streams read here are not being written: no need to wait for the batches in flight.
    const read = await this.store.readStreams(missing.map(({ streamId }) => streamId));
    for (const { streamId, fold } of missing) this.cache.set(streamId, this.folded(read.get(streamId) ?? [], fold));
  }

  async load<S>(streamId: string, fold: Fold<S>): Promise<LoadedStream<S>> {
    const cached = this.cache.get(streamId);
    if (cached) return cached as LoadedStream<S>;
    await this.settle();
    const loaded = this.folded(await this.store.readStream(streamId), fold);
    this.cache.set(streamId, loaded);
    return loaded;
  }

  async commit(request: AppendRequest, after: ReadonlyMap<string, unknown>): Promise<AppendOutcome> {
    // Decided without error: only now does memory move, as the log will.
    for (const { streamId, expected, events } of request.appends) {
      this.cache.set(streamId, { state: after.get(streamId), head: { version: expected.version + events.length, hash: null } });
    }
    await this.appender.add(request);
    if (this.cache.size > (this.options.maxCachedStreams ?? 100_000)) {
      await this.settle();
      this.cache.clear();
    }
    return { duplicate: false, result: request.result, positions: [], heads: {} };
  }

  /** Everything queued, stored. */
  private async settle(): Promise<void> {
    await this.appender.flush();
    await this.appender.drain();
  }

  private folded<S>(events: StoredEvent[], fold: Fold<S>): LoadedStream<S> {
    return { state: events.reduce(fold.evolve, fold.initial()), head: headOf(events) };
  }
}
