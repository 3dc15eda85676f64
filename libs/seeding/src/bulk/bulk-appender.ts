import type { AppendRequest, BatchAppendOutcome, NewEvent, StreamHead } from '@lib/event-store';

/** What a bulk appender needs of the store: PostgresEventStore.appendBatch (one transaction per batch). */
export interface BatchAppendStore {
  appendBatch(requests: readonly AppendRequest[]): Promise<BatchAppendOutcome>;
}

export interface BulkAppenderOptions {
  /** A batch is sent once it holds this many events (default 5,000). */
  eventsPerBatch?: number;
  /** Batches in flight at once, so deciding the next overlaps storing the last (default 2). */
  inFlight?: number;
  /** After each stored batch, with the running totals (a progress bar). */
  onStored?: (totals: BulkTotals) => void;
}

export interface BulkTotals {
  commands: number;
  events: number;
  batches: number;
  /** Command ids that were already recorded: their batch was not appended (a re-run). */
  duplicates: number;
}

/** A stream written whole by an import: its events from version 1 (a new stream). */
export interface PreparedStream {
  streamId: string;
  events: NewEvent[];
}

interface InFlight {
  streams: Set<string>;
  done: Promise<void>;
}

/**
 * Bulk imports (`cli seed --bulk`, the synthetic data of `npm run fraud-eval`): queues append
 * requests, each with its own command id, actor and time, and stores them many streams per
 * statement with `appendBatch`. A batch never overtakes an earlier one that touches the same
 * stream, so requests may follow each other on a stream across batch boundaries.
 *
 *   const appender = new BulkAppender(store, { onStored: (t) => bar.update(t.events) });
 *   await appender.add(request);                     // or addStreams(...) for prepared streams
 *   const totals = await appender.finish();
 */
export class BulkAppender {
  private pending: AppendRequest[] = [];
  private pendingEvents = 0;
  private readonly inFlight = new Set<InFlight>();
  private failure: unknown = null;
  private readonly listeners: ((heads: Record<string, StreamHead>) => void)[] = [];
  readonly totals: BulkTotals = { commands: 0, events: 0, batches: 0, duplicates: 0 };

  constructor(private readonly store: BatchAppendStore, private readonly options: BulkAppenderOptions = {}) {}

  /** Called with the heads each stored batch left (a cache of stream heads keeps their hashes). */
  onHeads(listener: (heads: Record<string, StreamHead>) => void): void {
    this.listeners.push(listener);
  }

  /** Queues one command's append; resolves at once unless a batch had to be sent (back-pressure). */
  async add(request: AppendRequest): Promise<void> {
    this.raiseFailure();
    this.pending.push(request);
    this.pendingEvents += request.appends.reduce((sum, append) => sum + append.events.length, 0);
    if (this.pendingEvents >= (this.options.eventsPerBatch ?? 5000)) await this.flush();
  }

  /**
   * New streams written whole, as one command (one command id for the lot is fine for an
   * import; give each its own with several calls). The metadata names who recorded them.
   */
  addStreams(streams: readonly PreparedStream[], command: Omit<AppendRequest, 'appends' | 'result'> & { result?: object }): Promise<void> {
    return this.add({ ...command, result: command.result ?? { streams: streams.length }, appends: streams.map((stream) => ({ streamId: stream.streamId, expected: { version: 0, hash: null }, events: stream.events })) });
  }

  /** Sends what is queued (waiting while too many batches are in flight). */
  async flush(): Promise<void> {
    this.raiseFailure();
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingEvents = 0;
    const streams = new Set(batch.flatMap((request) => request.appends.map((append) => append.streamId)));
    // Never overtake a batch in flight on the same stream; never hold more than inFlight at once.
    for (const earlier of [...this.inFlight]) if ([...streams].some((id) => earlier.streams.has(id))) await earlier.done;
    while (this.inFlight.size >= Math.max(1, this.options.inFlight ?? 2)) await Promise.race([...this.inFlight].map((entry) => entry.done));
    this.raiseFailure();
    const entry: InFlight = { streams, done: Promise.resolve() };
    entry.done = this.store.appendBatch(batch).then(
      (outcome) => {
        this.inFlight.delete(entry);
        this.totals.batches += 1;
        if (outcome.duplicates.length) this.totals.duplicates += outcome.duplicates.length;
        else {
          this.totals.commands += batch.length;
          this.totals.events += outcome.events;
          for (const listener of this.listeners) listener(outcome.heads);
        }
        this.options.onStored?.({ ...this.totals });
      },
      (error) => {
        this.inFlight.delete(entry);
        this.failure ??= error;
      },
    );
    this.inFlight.add(entry);
  }

  /** Waits for every batch in flight (not for what is still queued). */
  async drain(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight].map((entry) => entry.done));
    this.raiseFailure();
  }

  /** Sends the rest and waits for everything; throws the first failure of any batch. */
  async finish(): Promise<BulkTotals> {
    await this.flush();
    await this.drain();
    return { ...this.totals };
  }

  private raiseFailure(): void {
    if (this.failure) throw this.failure;
  }
}
