import { createHash } from 'node:crypto';
import type { Checkpoint } from './event-store';

/**
 * The running hash of the whole log (docs/ANCHORS.md). Each event's hash chains only its own
 * stream, so a superuser who rewrites a stream and recomputes its chain leaves every chain
 * intact. The log hash chains every event of every stream in log order, (transaction id,
 * global position), the order no later commit can change below the horizon. A prefix's log
 * hash, signed with a key the database never holds, then pins every event up to it.
 */

/** The log hash of no events, where every running hash starts. */
export const EMPTY_LOG_HASH = '0'.repeat(64);

/** What the log hash covers of an event: its place in the log order, its stream and version, and its chained hash. */
export interface LogEntry {
  transactionId: string;
  position: number;
  streamId: string;
  streamVersion: number;
  hash: string;
}

/**
 * One link: SHA-256 of the previous log hash and the event's fields, one per line. The stream id
 * is the only free-form field and stands between fixed-format ones, so the lines cannot be read
 * two ways.
 */
export const extendLogHash = (previous: string, entry: LogEntry): string =>
  createHash('sha256')
    .update(`${previous}\n${entry.transactionId}\n${entry.position}\n${entry.streamId}\n${entry.streamVersion}\n${entry.hash}`)
    .digest('hex');

/** A prefix of the log: how many events it holds, their log hash, and where it ends. */
export interface LogPrefix {
  events: number;
  logHash: string;
  /** The last event's place in the log order; START for the empty prefix. */
  last: Checkpoint;
}

export const EMPTY_PREFIX: LogPrefix = { events: 0, logHash: EMPTY_LOG_HASH, last: { transactionId: '0', position: '0' } };

/**
 * What a segment of the log (the events after one prefix, up to another) did to one stream: its
 * head at the end of the segment, and the log hash of only its own events in the segment. A
 * rewritten event changes its stream's head hash; removed ones its version; a moved one (another
 * position or transaction) its events hash: each names the stream.
 */
export interface StreamCommitment {
  streamId: string;
  version: number;
  hash: string;
  eventsHash: string;
}

/** Commits to a list of stream commitments, in the order given. */
export const streamsHash = (streams: readonly StreamCommitment[]): string =>
  streams.reduce(
    (previous, stream) => createHash('sha256').update(`${previous}\n${stream.streamId}\n${stream.version}\n${stream.hash}\n${stream.eventsHash}`).digest('hex'),
    EMPTY_LOG_HASH,
  );

/** UTF-8 byte order (code point order): what any language's plain string sort gives. */
export const byStreamId = (a: { streamId: string }, b: { streamId: string }): number => Buffer.compare(Buffer.from(a.streamId), Buffer.from(b.streamId));

/** Folds log entries, in log order, onto a prefix: the running log hash and count. */
export class LogFold {
  private current: LogPrefix;

  constructor(start: LogPrefix = EMPTY_PREFIX) {
    this.current = start;
  }

  add(entry: LogEntry): void {
    this.current = {
      events: this.current.events + 1,
      logHash: extendLogHash(this.current.logHash, entry),
      last: { transactionId: entry.transactionId, position: String(entry.position) },
    };
  }

  get prefix(): LogPrefix {
    return this.current;
  }
}

/**
 * The stream commitments of one segment of the log, folded from its entries in log order.
 * Memory grows with the streams of the segment, never with the log.
 */
export class StreamSegment {
  private readonly touched = new Map<string, StreamCommitment>();

  add(entry: LogEntry): void {
    const stream = this.touched.get(entry.streamId);
    this.touched.set(entry.streamId, {
      streamId: entry.streamId,
      version: entry.streamVersion,
      hash: entry.hash,
      eventsHash: extendLogHash(stream?.eventsHash ?? EMPTY_LOG_HASH, entry),
    });
  }

  get(streamId: string): StreamCommitment | undefined {
    return this.touched.get(streamId);
  }

  /** Sorted by stream id. */
  streams(): StreamCommitment[] {
    return [...this.touched.values()].sort(byStreamId);
  }
}
