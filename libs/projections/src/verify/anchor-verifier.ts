import { LogFold, START, StreamSegment, readLogEntries, streamsHash, type Checkpoint, type Queryable, type StreamCommitment } from '@lib/event-store';
import { anchorFields, readAnchorFileStreams, verifyAnchorSignature, type Anchor, type AnchorFromFile, type TrustedKeys } from '@lib/platform';
import { anchorFromRow, anchorStreams } from '../anchoring/anchor-table';
import { anchorMessages as say } from './anchor-messages';
import type { Mismatch } from './mismatch';

export interface AnchorReport {
  /** Validly signed anchors the log was checked against. */
  anchors: number;
  /** Events the latest of them covers. */
  covered: number;
  mismatches: Mismatch[];
}

/** A place in the log order, (transaction id, global position), comparable. */
interface OrderKey {
  transactionId: bigint;
  position: number;
}

const keyOf = (transactionId: string, position: number): OrderKey => ({ transactionId: BigInt(transactionId), position });
const isAfter = (a: OrderKey, b: OrderKey): boolean => a.transactionId > b.transactionId || (a.transactionId === b.transactionId && a.position > b.position);
const sameAnchor = (a: Anchor, b: Anchor): boolean => JSON.stringify(anchorFields(a)) === JSON.stringify(anchorFields(b));

/** An anchor to check, with the range of the log its stream commitments cover. */
interface Checked {
  anchor: Anchor;
  /** The ANCHOR_DIR file that also holds its streams, if any. */
  streamsFile: string | null;
  /** Its range begins after this place in the log order (the previous anchor's last event), or, unknown, after `anchor.previous` events. */
  start: OrderKey | null;
  end: OrderKey;
  inDatabase: Anchor | null;
}

const MAX_STREAM_LINES = 100;
const PAGE = 10_000;

/**
 * Checks the log against anchors an operator kept outside the database (docs/ANCHORS.md). Only
 * anchors signed by a key the operator named count. The log is read once, in log order: at each
 * anchor's position its running hash must equal the signed one, and within each anchor's range
 * every stream's head and the places of its events must equal what the anchor committed to, so
 * that a change names its stream. The ranges are bounded by the anchors' last events in the log
 * order, not by counts, so an event removed early does not shift the blame onto later streams.
 * Memory holds one range's streams at a time.
 */
export class AnchorVerifier {
  constructor(private readonly db: Queryable, private readonly keys: TrustedKeys) {}

  async verify(files: readonly AnchorFromFile[]): Promise<AnchorReport> {
    const mismatches: Mismatch[] = [];
    const checked = await this.trusted(files, mismatches);
    if (checked.length === 0) return { anchors: 0, covered: 0, mismatches };
    await this.scan(checked, mismatches);
    return { anchors: checked.length, covered: checked[checked.length - 1].anchor.position, mismatches };
  }

  /** The file anchors whose signatures hold, one per position, with their database copies and ranges. */
  private async trusted(files: readonly AnchorFromFile[], mismatches: Mismatch[]): Promise<Checked[]> {
    const byPosition = new Map<number, AnchorFromFile>();
    const conflicting = new Set<number>();
    for (const file of files) {
      const verdict = verifyAnchorSignature(file.anchor, this.keys);
      if (verdict === 'unknown-key') mismatches.push(say.unknownKey(file.anchor.position, file.file, file.anchor.keyId));
      if (verdict === 'bad-signature') mismatches.push(say.badSignature(file.anchor.position, file.file));
      if (verdict !== 'valid') continue;
      const known = byPosition.get(file.anchor.position);
      if (known && !sameAnchor(known.anchor, file.anchor)) conflicting.add(file.anchor.position);
      // The copy that carries its streams is the more useful one.
      if (!known || (!known.hasStreams && file.hasStreams)) byPosition.set(file.anchor.position, file);
    }
    for (const position of conflicting) {
      mismatches.push(say.conflicting(position));
      byPosition.delete(position);
    }
    const chosen = [...byPosition.values()].sort((a, b) => a.anchor.position - b.anchor.position);
    const stored = await this.storedAnchors([...new Set(chosen.flatMap((file) => [file.anchor.position, file.anchor.previous]))]);
    const ends = new Map<number, OrderKey>([[0, keyOf(START.transactionId, 0)]]);
    for (const anchor of stored.values()) if (verifyAnchorSignature(anchor, this.keys) === 'valid') ends.set(anchor.position, keyOf(anchor.lastTransactionId, anchor.lastGlobalPosition));
    for (const file of chosen) ends.set(file.anchor.position, keyOf(file.anchor.lastTransactionId, file.anchor.lastGlobalPosition));
    return chosen.map((file) => {
      const inDatabase = stored.get(file.anchor.position) ?? null;
      if (!inDatabase) mismatches.push(say.missingFromDatabase(file.anchor.position));
      else if (!sameAnchor(inDatabase, file.anchor)) mismatches.push(say.differsInDatabase(file.anchor.position));
      return {
        anchor: file.anchor,
        streamsFile: file.hasStreams ? file.file : null,
        start: ends.get(file.anchor.previous) ?? null,
        end: ends.get(file.anchor.position)!,
        inDatabase,
      };
    });
  }

  private async storedAnchors(positions: number[]): Promise<Map<number, Anchor>> {
    const found = new Map<number, Anchor>();
    for (let first = 0; first < positions.length; first += 1000) {
      const { rows } = await this.db.query(
        `SELECT position, previous, last_transaction_id::text AS last_transaction_id, last_global_position, log_hash, streams_hash, signed_at, key_id, signature
           FROM anchors WHERE position = ANY($1::bigint[])`,
        [positions.slice(first, first + 1000)],
      );
      for (const row of rows) found.set(Number(row.position), anchorFromRow(row));
    }
    return found;
  }

  /** The streams an anchor committed to, from its file or the database's copy, checked against its signed streams hash. */
  private async committedStreams(checked: Checked, mismatches: Mismatch[]): Promise<StreamCommitment[] | null> {
    const { anchor } = checked;
    let streams: StreamCommitment[];
    if (checked.streamsFile) {
      streams = readAnchorFileStreams(checked.streamsFile);
      if (streamsHash(streams) === anchor.streamsHash) return streams;
      mismatches.push(say.streamsUnavailable(anchor.position, `${checked.streamsFile} holds streams that do not match its streams hash`, `${checked.streamsFile} chứa danh sách luồng không khớp mã băm đã ký`));
      return null;
    }
    if (!checked.inDatabase || !sameAnchor(checked.inDatabase, anchor)) {
      mismatches.push(say.streamsUnavailable(anchor.position, 'not in the files given, and the database has no matching anchor', 'không có trong các tệp đã cho, và cơ sở dữ liệu không có mốc neo trùng khớp'));
      return null;
    }
    streams = await anchorStreams(this.db, anchor.position);
    if (streamsHash(streams) === anchor.streamsHash) return streams;
    mismatches.push(say.streamsUnavailable(anchor.position, 'the database\'s copy was altered', 'bản sao trong cơ sở dữ liệu đã bị sửa'));
    return null;
  }

  private async scan(checked: Checked[], mismatches: Mismatch[]): Promise<void> {
    const fold = new LogFold();
    const atPosition = new Map(checked.map((item) => [item.anchor.position, item]));
    const last = checked[checked.length - 1];
    const logHashFailures: Checked[] = [];
    let index = 0;
    let segment = new StreamSegment();
    // A range closes when the log passes its anchor's last event; its streams are compared then and let go.
    const closeRange = async () => {
      await this.compareStreams(checked[index], segment, mismatches);
      segment = new StreamSegment();
      index += 1;
    };
    let from: Checkpoint = START;
    let done = false;
    while (!done) {
      const page = await readLogEntries(this.db, from, PAGE);
      for (const entry of page) {
        const key = keyOf(entry.transactionId, entry.position);
        while (index < checked.length && isAfter(key, checked[index].end)) await closeRange();
        const item = checked[index];
        if (item && (item.start ? isAfter(key, item.start) : fold.prefix.events >= item.anchor.previous)) segment.add(entry);
        fold.add(entry);
        const anchored = atPosition.get(fold.prefix.events);
        if (anchored) {
          const { prefix } = fold;
          const matches = prefix.logHash === anchored.anchor.logHash && prefix.last.transactionId === anchored.anchor.lastTransactionId && Number(prefix.last.position) === anchored.anchor.lastGlobalPosition;
          if (!matches) logHashFailures.push(anchored);
        }
        // Past the last anchor's position and its last event, nothing further is covered.
        if (fold.prefix.events >= last.anchor.position && index >= checked.length) {
          done = true;
          break;
        }
      }
      if (page.length < PAGE) break;
      const end = page[page.length - 1];
      from = { transactionId: end.transactionId, position: String(end.position) };
    }
    while (index < checked.length) await closeRange();
    const beyond = checked.filter((item) => item.anchor.position > fold.prefix.events);
    if (logHashFailures.length > 0) mismatches.unshift(say.logHash(logHashFailures[0].anchor.position, logHashFailures[0].anchor.signedAt, logHashFailures.length - 1));
    if (beyond.length > 0) mismatches.unshift(say.logShorter(fold.prefix.events, beyond[0].anchor.position, beyond.length - 1));
  }

  /** Names each stream whose commitment in this anchor's range differs from the log's. */
  private async compareStreams(item: Checked, found: StreamSegment, mismatches: Mismatch[]): Promise<void> {
    const committed = await this.committedStreams(item, mismatches);
    if (!committed) return;
    const { position } = item.anchor;
    const lines: Mismatch[] = [];
    const named = new Set<string>();
    for (const stream of committed) {
      named.add(stream.streamId);
      const actual = found.get(stream.streamId);
      if (!actual) lines.push(say.streamGone(stream.streamId, position, stream.version));
      else if (actual.version !== stream.version) lines.push(say.streamVersion(stream.streamId, position, stream.version, actual.version));
      else if (actual.hash !== stream.hash) lines.push(say.streamHash(stream.streamId, position, stream.version));
      else if (actual.eventsHash !== stream.eventsHash) lines.push(say.streamMoved(stream.streamId, position));
    }
    for (const actual of found.streams()) if (!named.has(actual.streamId)) lines.push(say.streamUnexpected(actual.streamId, position));
    mismatches.push(...lines.slice(0, MAX_STREAM_LINES));
    if (lines.length > MAX_STREAM_LINES) mismatches.push(say.moreStreams(position, lines.length - MAX_STREAM_LINES));
  }
}
