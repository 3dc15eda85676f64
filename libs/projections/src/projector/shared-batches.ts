import type { Checkpoint, EventStore, ReadAllResult } from '@lib/event-store';

export interface SharedBatch {
  /** The checkpoint the batch was read from: the one its readers must still stand at. */
  from: Checkpoint;
  batch: ReadAllResult;
}

/**
 * The log from one checkpoint, read once for every projection standing there. Each reader takes
 * the batches in order at its own pace, so a cheap projection no longer waits for the costliest
 * one batch after batch, and the two cores are kept busy. A batch is read when the first reader
 * asks for it, the next one read ahead while it is applied, and forgotten once every reader still
 * going has passed it. The fastest reader is held at most `window` batches ahead of the slowest:
 * memory stays bounded by window + 2 batches, however long the log.
 */
export class SharedBatches {
  private readonly reads = new Map<number, Promise<SharedBatch>>();
  /** Each batch read: its number of events and the checkpoint after it. */
  private readonly done = new Map<number, { size: number; after: Checkpoint }>();
  /** The next batch each reader still going will take. */
  private readonly next = new Map<string, number>();
  private waiting: (() => void)[] = [];
  /** Batches below this one have been passed by every reader (reported by `passed`/`leave`). */
  private cleared = 0;
  /** One past the furthest batch any reader has applied: nothing beyond it is reported, even once all have left. */
  private furthest = 0;
  /** Readers that found nothing more and wait for the others (`atHead`). */
  private readonly headed = new Set<string>();
  /** When the last read that reached the head of the log began; null while reads come back full. */
  private headReadAt: number | null = null;
  /** Where the first batch not yet cleared starts. */
  private resumeAt: Checkpoint;

  constructor(
    private readonly store: EventStore,
    private readonly from: Checkpoint,
    private readonly batchSize: number,
    readers: readonly string[],
    private readonly window: number,
    /** After a read that found the head of the log (less than a full batch), the next waits until this many ms after it began. */
    private readonly headIntervalMs = 0,
  ) {
    for (const reader of readers) this.next.set(reader, 0);
    this.resumeAt = from;
  }

  /**
   * Batch `index` (0, 1, 2, … for each reader); waits while the reader is too far ahead. `again`:
   * the reader found the log's head there before, so an empty read is not reused but read anew.
   */
  async take(reader: string, index: number, again = false): Promise<SharedBatch> {
    while (index - this.slowest() > this.window) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (again && this.done.get(index)?.size === 0) {
      this.reads.delete(index);
      this.done.delete(index);
    }
    const taken = await this.read(index);
    if (taken.batch.events.length >= this.batchSize && index + 1 - this.slowest() <= this.window) {
      // Awaited (and its failure thrown) by whoever takes it.
      this.read(index + 1).catch(() => undefined);
    }
    return taken;
  }

  /** The reader has applied batch `index`; returns the events of the batches every reader has now applied. */
  passed(reader: string, index: number): number[] {
    this.next.set(reader, index + 1);
    this.furthest = Math.max(this.furthest, index + 1);
    return this.advance();
  }

  /**
   * The reader found nothing more. While others still have batches to apply it waits for the
   * next of them to pass one, then returns true (look again: under a steady load the cheap
   * projections keep to the head instead of waiting for the costliest one's whole backlog);
   * false once every reader still going is at the head too.
   */
  async atHead(reader: string): Promise<boolean> {
    this.headed.add(reader);
    if (this.allAtHead()) {
      this.wakeAll();
      return false;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.allAtHead()) return false;
    this.headed.delete(reader);
    return true;
  }

  private allAtHead(): boolean {
    for (const reader of this.next.keys()) if (!this.headed.has(reader)) return false;
    return true;
  }

  private wakeAll(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }

  /** The reader stops (at the head, failed, stopping, or moved on by another process). */
  leave(reader: string): number[] {
    this.next.delete(reader);
    return this.advance();
  }

  private slowest(): number {
    let slowest = Number.POSITIVE_INFINITY;
    for (const index of this.next.values()) slowest = Math.min(slowest, index);
    return slowest;
  }

  private advance(): number[] {
    const slowest = Math.min(this.slowest(), this.furthest);
    const cleared: number[] = [];
    while (this.cleared < slowest && this.done.has(this.cleared)) {
      const { size, after } = this.done.get(this.cleared)!;
      if (size > 0) cleared.push(size);
      this.reads.delete(this.cleared);
      this.done.delete(this.cleared);
      this.resumeAt = after;
      this.cleared++;
    }
    this.wakeAll();
    return cleared;
  }

  private read(index: number): Promise<SharedBatch> {
    let read = this.reads.get(index);
    if (!read) {
      // The batch before it is read already, or being read, or cleared (then it ended at resumeAt).
      const from = index <= this.cleared ? Promise.resolve(this.resumeAt) : this.read(index - 1).then((previous) => previous.batch.checkpoint);
      read = from.then(async (checkpoint) => {
        // Shared: every reader at the head waits for this one read, not one read each.
        const wait = this.headReadAt === null ? 0 : this.headReadAt + this.headIntervalMs - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const began = Date.now();
        const batch = await this.store.readAll(checkpoint, this.batchSize);
        this.headReadAt = batch.events.length < this.batchSize ? began : null;
        this.done.set(index, { size: batch.events.length, after: batch.checkpoint });
        return { from: checkpoint, batch };
      });
      this.reads.set(index, read);
    }
    return read;
  }
}
