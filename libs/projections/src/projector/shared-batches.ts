import type { Checkpoint, EventStore, ReadAllResult } from '@lib/event-store';

const keyOf = (checkpoint: Checkpoint): string => `${checkpoint.transactionId}/${checkpoint.position}`;

const before = (a: Checkpoint, b: Checkpoint): boolean => {
  const [ta, tb] = [BigInt(a.transactionId), BigInt(b.transactionId)];
  return ta < tb || (ta === tb && BigInt(a.position) < BigInt(b.position));
};

interface Batch {
  from: Checkpoint;
  read: Promise<ReadAllResult>;
  events: number;
}

/**
 * The log's batches for projections that each go at their own pace: a batch is read (and parsed)
 * once, by whichever projection reaches it first, and kept until every projection still reading
 * has gone past it. Projections ahead of the slowest wait only when `window` batches are held (the
 * memory bound); the slowest never waits, so the group always moves. The next batch is read while
 * one is applied.
 */
export class SharedBatches {
  private readonly batches = new Map<string, Batch>();
  /** Where each projection still reading stands. */
  private readonly standing = new Map<string, Checkpoint>();
  private waiting: (() => void)[] = [];
  private readonly underway = new Set<Promise<unknown>>();
  /** Events read from the log, each batch counted once. */
  read = 0;

  constructor(
    private readonly store: EventStore,
    private readonly batchSize: number,
    private readonly window: number,
    /** A batch every projection still reading has applied (a rebuild's progress). */
    private readonly onPassed?: (events: number) => void,
  ) {}

  join(name: string, at: Checkpoint): void {
    this.standing.set(name, at);
  }

  /** The projection has finished (caught up, stopped or failed): the batches wait no longer for it. */
  leave(name: string): void {
    this.standing.delete(name);
    this.release();
  }

  async next(name: string, at: Checkpoint): Promise<ReadAllResult> {
    for (;;) {
      const held = this.batches.get(keyOf(at));
      if (held) return held.read;
      if (this.batches.size < this.window || this.slowest(at)) return this.start(at).read;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** The projection applied the batch it read from where it stood; it now stands at `to`. */
  moved(name: string, to: Checkpoint): void {
    this.standing.set(name, to);
    this.release();
  }

  /** Waits for reads still under way (a failed or unused read-ahead must not reject unobserved). */
  async settle(): Promise<void> {
    await Promise.all(this.underway);
    this.batches.clear();
  }

  private slowest(at: Checkpoint): boolean {
    for (const other of this.standing.values()) if (before(other, at)) return false;
    return true;
  }

  private start(from: Checkpoint): Batch {
    const batch: Batch = { from, read: this.store.readAll(from, this.batchSize), events: 0 };
    this.batches.set(keyOf(from), batch);
    const settled = batch.read.then(
      (result) => {
        batch.events = result.events.length;
        this.read += result.events.length;
        // A full batch means more is likely waiting: read it while this one is applied.
        if (result.events.length >= this.batchSize && this.batches.has(keyOf(from)) && !this.batches.has(keyOf(result.checkpoint)) && this.batches.size < this.window) {
          this.start(result.checkpoint);
        }
      },
      () => undefined, // thrown to the projections that read it
    );
    this.underway.add(settled);
    void settled.finally(() => this.underway.delete(settled));
    return batch;
  }

  /** Drops the batches every projection still reading has gone past, and wakes those waiting for room. */
  private release(): void {
    const positions = [...this.standing.values()];
    for (const [key, batch] of this.batches) {
      if (positions.every((position) => before(batch.from, position))) {
        this.batches.delete(key);
        if (batch.events > 0 && positions.length > 0) this.onPassed?.(batch.events);
      }
    }
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }
}
