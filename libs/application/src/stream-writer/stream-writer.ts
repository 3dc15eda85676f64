import { bindingDiffers, CommandIdReused, ConcurrencyError } from '@lib/event-store';
import type { Clock } from '@lib/platform';
import { TooMuchContention, VersionMismatch, type CommandContext } from '../command-context';
import type { StreamStore } from './stream-store';
import { UnitOfWork } from './unit-of-work';

const MAX_ATTEMPTS = 8;

/** Reads what it needs through the unit of work, decides, and says what to answer. */
export type Decision<R extends object> = (work: UnitOfWork, now: string) => Promise<R>;

/**
 * The one write loop every command goes through: read the streams, fold, decide, append with
 * the heads read, retry from a fresh read when another writer got there first. A repeated
 * command id returns the first answer and appends nothing. A caller who pinned a version
 * (If-Match) is told it is stale instead of being retried: its view must be decided again.
 */
export class StreamWriter {
  constructor(private readonly streams: StreamStore, private readonly clock: Clock) {}

  /** The first answer to this command id, or null; refused when the id was used for something else. */
  private async firstUse(context: CommandContext): Promise<object | null> {
    if (context.freshCommandId !== undefined && context.freshCommandId === context.commandId) return null;
    if (!this.streams.findCommandRecord) return this.streams.findCommand(context.commandId);
    const record = await this.streams.findCommandRecord(context.commandId);
    if (record && bindingDiffers(record.binding, context.binding)) throw new CommandIdReused(context.commandId, record.binding!, context.binding!);
    return record?.result ?? null;
  }

  async execute<R extends object>(context: CommandContext, decision: Decision<R>): Promise<R> {
    // Both at once: a repeat is rare, and the streams are needed anyway otherwise.
    const previous = this.firstUse(context);
    previous.catch(() => undefined);
    let contended = 'a stream';
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const now = context.at ?? this.clock.now();
      const work = new UnitOfWork(this.streams, context);
      let result: R;
      try {
        result = await decision(work, now);
      } catch (error) {
        // A repeat of a command that went through is answered as the first time, not refused. The
        // lookup ran beside the read: it can have looked before that command committed and the
        // read after (the stream then shows it done, and the decision refuses). Look once more.
        const first = (await previous) ?? (await this.firstUse(context).catch((lookup: unknown) => {
          if (lookup instanceof CommandIdReused) throw lookup;
          return null; // the lookup failing says nothing: the decision's refusal stands
        }));
        if (first) return first as R;
        throw error;
      }
      if (attempt === 1 && (await previous)) return (await previous) as R;
      try {
        const outcome = await this.streams.commit(work.request(now, result), work.after());
        return outcome.result as R;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        contended = error.streamId;
        if (error.streamId === work.pinnedStream && context.expectedVersion !== undefined) {
          throw new VersionMismatch(context.expectedVersion, error.expectedVersion + 1);
        }
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
    throw new TooMuchContention(contended, MAX_ATTEMPTS);
  }
}
