import type { PreparedAppend } from './append-statement';

export interface CoalescingOptions {
  /** Statements in flight at once; appends arriving meanwhile wait and go together in the next. */
  maxInFlight: number;
  /** At most this many appends in one statement. */
  maxAppends: number;
  /**
   * An append of more events than this (a provincial decision over tens of thousands of
   * applications) goes alone, as one transaction of statements of this many events each.
   */
  maxStatementEvents?: number;
}

export const DEFAULT_COALESCING: CoalescingOptions = { maxInFlight: 2, maxAppends: 64, maxStatementEvents: 5_000 };

interface Waiting<Outcome> {
  append: PreparedAppend;
  resolve: (outcome: Outcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit in the client: while `maxInFlight` statements are running, further appends
 * queue, and each statement that finishes sends everything queued as one statement and one
 * commit. A lone writer goes at once, as before; eight writers share their round trips and
 * WAL flushes. Each append is answered only after the statement carrying it has committed.
 * Two appends of one stream, or with one command id, never share a statement (the later
 * waits for the next), so one statement never conflicts with itself.
 */
export class AppendCoalescer<Outcome> {
  private readonly waiting: Waiting<Outcome>[] = [];
  private inFlight = 0;

  constructor(
    private readonly options: CoalescingOptions,
    private readonly run: (appends: PreparedAppend[]) => Promise<Outcome[]>,
  ) {}

  submit(append: PreparedAppend): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      this.waiting.push({ append, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const batch = this.take();
      this.inFlight += 1;
      this.run(batch.map((entry) => entry.append))
        .then(
          (outcomes) => batch.forEach((entry, index) => entry.resolve(outcomes[index])),
          (error) => batch.forEach((entry) => entry.reject(error)),
        )
        .finally(() => {
          this.inFlight -= 1;
          this.drain();
        });
    }
  }

  /** The oldest waiting appends that can share a statement, in arrival order. */
  private take(): Waiting<Outcome>[] {
    const batch: Waiting<Outcome>[] = [];
    const streams = new Set<string>();
    const commands = new Set<string>();
    for (let index = 0; index < this.waiting.length && batch.length < this.options.maxAppends; ) {
      const entry = this.waiting[index];
      const clashes = commands.has(entry.append.commandId) || entry.append.checks.some((check) => streams.has(check.streamId));
      // A skipped append still claims its streams: no later one overtakes it on them.
      commands.add(entry.append.commandId);
      entry.append.checks.forEach((check) => streams.add(check.streamId));
      if (clashes) {
        index += 1;
        continue;
      }
      batch.push(entry);
      this.waiting.splice(index, 1);
    }
    return batch;
  }
}
