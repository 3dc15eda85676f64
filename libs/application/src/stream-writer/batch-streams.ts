import type { AppendOutcome, AppendRequest } from '@lib/event-store';
import type { EventStoreStreams, Fold, LoadedStream, StreamStore } from './stream-store';

/**
 * The store of one batch of independent commands (a few hundred rows of an import): the
 * streams they need are read in a few queries, each command is decided in memory against what
 * the batch's earlier commands decided, and its append is kept, not sent. The caller stores the
 * kept appends together (`requests`), all or none, or, if that is refused, decides the commands
 * again one by one the usual way. Memory moves only when a command was decided without error.
 */
export class BatchStreams implements StreamStore {
  private readonly cache = new Map<string, LoadedStream<unknown>>();
  readonly requests: AppendRequest[] = [];

  constructor(private readonly base: EventStoreStreams) {}

  /** A command id used before makes the batch's append report it; the batch is then decided one by one. */
  async findCommand(): Promise<object | null> {
    return null;
  }

  async prefetch<S>(streamIds: readonly string[], fold: Fold<S>): Promise<void> {
    const missing = [...new Set(streamIds)].filter((streamId) => !this.cache.has(streamId));
    if (missing.length === 0) return;
    for (const [streamId, loaded] of await this.base.loadMany(missing, fold)) this.cache.set(streamId, loaded);
  }

  async load<S>(streamId: string, fold: Fold<S>): Promise<LoadedStream<S>> {
    const cached = this.cache.get(streamId);
    if (cached) return cached as LoadedStream<S>;
    const loaded = await this.base.load(streamId, fold);
    this.cache.set(streamId, loaded);
    return loaded;
  }

  async commit(request: AppendRequest, after: ReadonlyMap<string, unknown>): Promise<AppendOutcome> {
    // The head's hash is the store's to compute: the batch append chains a stream's events within the batch.
    for (const { streamId, expected, events } of request.appends) {
      this.cache.set(streamId, { state: after.get(streamId), head: { version: expected.version + events.length, hash: null } });
    }
    this.requests.push(request);
    return { duplicate: false, result: request.result, positions: [], heads: {} };
  }
}
