import type { Fold, LoadedStream, StreamStore } from '@lib/application';
import type { AppendOutcome, AppendRequest, NewEvent } from '@lib/event-store';

/**
 * Streams held in memory, for synthetic data decided by the real writer before it is appended
 * for real in bulk. Nothing is hashed here: the store does that when the streams are stored.
 */
export class MemoryStreams implements StreamStore {
  private readonly streams = new Map<string, { state: unknown; events: NewEvent[] }>();

  async findCommand(): Promise<object | null> {
    return null;
  }

  async load<S>(streamId: string, fold: Fold<S>): Promise<LoadedStream<S>> {
    const stream = this.streams.get(streamId);
    return { state: (stream?.state as S) ?? fold.initial(), head: { version: stream?.events.length ?? 0, hash: null } };
  }

  async commit(request: AppendRequest, after: ReadonlyMap<string, unknown>): Promise<AppendOutcome> {
    for (const { streamId, events } of request.appends) {
      const stream = this.streams.get(streamId) ?? { state: undefined, events: [] };
      this.streams.set(streamId, { state: after.get(streamId), events: [...stream.events, ...events] });
    }
    return { duplicate: false, result: request.result, positions: [], heads: {} };
  }

  eventsOf(streamId: string): NewEvent[] {
    return this.streams.get(streamId)?.events ?? [];
  }

  stateOf<S>(streamId: string): S | undefined {
    return this.streams.get(streamId)?.state as S | undefined;
  }
}
