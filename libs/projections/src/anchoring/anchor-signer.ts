import { createPublicKey } from 'node:crypto';
import type { Pool } from 'pg';
import { EMPTY_PREFIX, LogFold, StreamSegment, readLogEntries, scanLog, streamsHash, type LogPrefix } from '@lib/event-store';
import { keyIdOf, signAnchor, verifyAnchorSignature, writeAnchorFile, type Anchor, type AnchorSigningKey, type AnchorWithStreams } from '@lib/platform';
import { anchorKeys, appendAnchor, latestAnchor } from './anchor-table';

export interface AnchorSignerOptions {
  key: AnchorSigningKey;
  /** ANCHOR_DIR; null: no files (the table only). */
  dir: string | null;
  /** At most this many events per anchor, so an anchor's streams (and a verifier's memory) stay bounded. */
  maxEvents?: number;
  now?: () => Date;
  /** A file that could not be written (it is tried again next round). */
  onFileError?: (error: unknown) => void;
}

const DEFAULT_MAX_EVENTS = 10_000;
const CATCH_UP_PAGE = 10_000;
/** Files kept for another try while ANCHOR_DIR fails; past that the oldest are left to the table (later anchors still cover their events). */
const MAX_UNWRITTEN = 1_000;

/** The stored anchors no longer match the log, or each other: the signer stops rather than sign on top. */
export class AnchorsDisagree extends Error {}

/**
 * Signs checkpoints of the log (docs/ANCHORS.md). It keeps the running log hash of what it has
 * covered in memory and extends it with the events committed since, read below the horizon. It
 * never trusts the table's latest anchor blindly: one signed elsewhere (another process, or before
 * a restart) is taken over only if its signature holds and the log, folded from what this
 * signer has covered (from zero after a start), still comes to its hash. A tampered log or table
 * stops it, loudly, instead of getting a fresh signature.
 */
export class AnchorSigner {
  private covered: LogPrefix = EMPTY_PREFIX;
  private readonly unwritten: AnchorWithStreams[] = [];
  private readonly maxEvents: number;

  constructor(private readonly pool: Pool, private readonly options: AnchorSignerOptions) {
    this.maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  }

  get keyId(): string {
    return this.options.key.keyId;
  }

  /** Signs anchors until every event below the horizon is covered; returns those it signed. */
  async signPending(): Promise<Anchor[]> {
    this.writeUnwritten();
    const signed: Anchor[] = [];
    for (;;) {
      await this.takeOverStored();
      const entries = await readLogEntries(this.pool, this.covered.last, this.maxEvents);
      if (entries.length === 0) return signed;
      const fold = new LogFold(this.covered);
      const segment = new StreamSegment();
      for (const entry of entries) {
        fold.add(entry);
        segment.add(entry);
      }
      const streams = segment.streams();
      const { prefix } = fold;
      const anchor: AnchorWithStreams = {
        ...signAnchor(
          {
            position: prefix.events,
            previous: this.covered.events,
            lastTransactionId: prefix.last.transactionId,
            lastGlobalPosition: Number(prefix.last.position),
            logHash: prefix.logHash,
            streamsHash: streamsHash(streams),
            signedAt: (this.options.now?.() ?? new Date()).toISOString(),
          },
          this.options.key,
        ),
        streams,
      };
      const client = await this.pool.connect();
      let appended: boolean;
      try {
        appended = await appendAnchor(client, anchor, streams, this.options.key);
      } finally {
        client.release();
      }
      // Another signer got there first: take its anchor over (checked) and go on from there.
      if (!appended) continue;
      this.covered = prefix;
      signed.push(anchor);
      this.unwritten.push(anchor);
      if (this.unwritten.length > MAX_UNWRITTEN) this.unwritten.shift();
      this.writeUnwritten();
    }
  }

  /** Files that failed (a full disk, a missing mount) are tried again, oldest first. */
  private writeUnwritten(): void {
    if (!this.options.dir) {
      this.unwritten.length = 0;
      return;
    }
    while (this.unwritten.length > 0) {
      try {
        writeAnchorFile(this.options.dir, this.unwritten[0]);
      } catch (error) {
        this.options.onFileError?.(error);
        return;
      }
      this.unwritten.shift();
    }
  }

  /** Catches up with the table's latest anchor, if another signer (or an earlier run) signed past what this one covered. */
  private async takeOverStored(): Promise<void> {
    const latest = await latestAnchor(this.pool);
    if (!latest) {
      if (this.covered.events > 0) throw new AnchorsDisagree(`the anchors table is empty, but this signer stored anchors up to position ${this.covered.events}: rows were removed`);
      return;
    }
    if (latest.position < this.covered.events) {
      throw new AnchorsDisagree(`the anchors table ends at position ${latest.position}, before position ${this.covered.events} this signer stored: rows were removed`);
    }
    if (latest.position === this.covered.events) {
      if (latest.logHash !== this.covered.logHash) throw new AnchorsDisagree(`the stored anchor at position ${latest.position} no longer holds the log hash signed for it`);
      return;
    }
    await this.checkSignature(latest);
    const fold = new LogFold(this.covered);
    await scanLog(this.pool, this.covered.last, CATCH_UP_PAGE, (entry) => {
      fold.add(entry);
      return fold.prefix.events < latest.position;
    });
    const reached = fold.prefix;
    if (reached.events !== latest.position || reached.logHash !== latest.logHash || reached.last.transactionId !== latest.lastTransactionId || Number(reached.last.position) !== latest.lastGlobalPosition) {
      throw new AnchorsDisagree(
        `the log no longer matches the anchor at position ${latest.position} (signed ${latest.signedAt} by key ${latest.keyId}): not signing on top of it; run \`cli verify --anchors\``,
      );
    }
    this.covered = reached;
  }

  /** Its key id is derived from its public key, so the key recorded under that id is the only one that can answer for it. */
  private async checkSignature(anchor: Anchor): Promise<void> {
    const keys = new Map([[this.options.key.keyId, this.options.key.publicKey]]);
    for (const published of await anchorKeys(this.pool)) {
      try {
        const key = createPublicKey(published.publicKey);
        if (keyIdOf(key) === published.keyId) keys.set(published.keyId, key);
      } catch {
        // A row that is no key answers for nothing.
      }
    }
    const verdict = verifyAnchorSignature(anchor, keys);
    if (verdict !== 'valid') throw new AnchorsDisagree(`the stored anchor at position ${anchor.position} fails its signature (${verdict}): not signing on top of it`);
  }
}
