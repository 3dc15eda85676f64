import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { Checkpoint, EventStore, ReadAllResult } from '@lib/event-store';
import type { Projection } from '../projection';
import { SharedBatches } from './shared-batches';
import { Slots } from './slots';

export interface ProjectorOptions {
  batchSize: number;
  /** Fallback when a notification is lost (a dropped LISTEN connection): poll this often. */
  pollIntervalMs: number;
  /** LISTEN/NOTIFY wake-up; omit to poll only. */
  listenUrl?: string;
  /** Another wake-up source (the embedded database's in-process LISTEN); returns how to stop it. */
  subscribe?: (wake: () => void) => Promise<() => Promise<void>>;
  onError?: (error: unknown) => void;
  /** Projections applying one batch at once, each on a connection of its own (default 3; the rest of the pool serves queries). */
  parallel?: number;
  /** Write into this schema's tables (a rebuild); `public` stays on the path for the log. */
  schema?: string;
  /** After each batch catchUp has applied to every projection that read it (a rebuild's progress). */
  onApplied?: (events: number) => void;
  /** Analyse the read models' tables once this many events are applied, and again each time the count doubles (default 20,000; 0: never). */
  statisticsAfter?: number;
  /**
   * At the head of the log, the log is read again no sooner than this many milliseconds after
   * the previous read (default 0; SharedBatches). Under a steady stream of appends each batch then
   * carries more events for the same fixed cost (a read of the log, a transaction and its
   * checkpoint); a catch-up, whose batches are full, never waits.
   */
  roundIntervalMs?: number;
}

/** How far the fastest projection may run ahead of the slowest, in batches (each held in memory). */
const BATCHES_AHEAD = 4;

/**
 * The statistics taken while a catch-up fills the tables only keep the batches' lookups on their
 * indexes, and a sample of 3,000 rows does that as well as the server's default of 30,000: an
 * analysis of every read model at 40,000 applications took the server 0.16 s instead of 1.4–2.2 s.
 * Autovacuum, at the server's target, analyses the tables again once they have settled.
 */
const FILL_STATISTICS_TARGET = 10;

/**
 * Reads the global log from each projection's checkpoint and applies it in batches; a batch
 * and its checkpoint commit together, so a crash neither loses nor repeats an event. The
 * checkpoint row is locked for the batch: two projector processes never apply the same batch.
 */
export class Projector {
  private running = false;
  private wake: (() => void) | null = null;
  /** A notification came while catching up: those events may be past what that catch-up read. */
  private woken = false;
  private loop: Promise<void> | null = null;
  private listener: Client | null = null;
  private unsubscribe: (() => Promise<void>) | null = null;
  private stopping = false;
  private applied = 0;
  private nextStatistics: number;
  /** The statistics being taken, if any (analyseAsTablesGrow). */
  private statistics: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    readonly projections: readonly Projection[],
    private readonly options: ProjectorOptions,
  ) {
    this.nextStatistics = options.statisticsAfter ?? 20_000;
  }

  /**
   * Applies at most one batch to one projection, in its own transaction; returns how many events
   * it read. The batch is read before the transaction takes its connection: on a pool of one
   * connection (the embedded trial database) a read from inside it would wait for itself.
   */
  async runBatch(projection: Projection): Promise<number> {
    const checkpoints = this.options.schema ? `${this.options.schema}.projection_checkpoints` : 'projection_checkpoints';
    const [row] = await this.dataSource.query(
      `SELECT transaction_id::text AS transaction_id, position::text AS position FROM ${checkpoints} WHERE name = $1`,
      [projection.name],
    );
    const checkpoint: Checkpoint = row ? { transactionId: row.transaction_id, position: row.position } : { transactionId: '0', position: '0' };
    const batch = await this.store.readAll(checkpoint, this.options.batchSize);
    if (batch.events.length === 0) return 0;
    return this.dataSource.transaction(async (manager) => {
      if (this.options.schema) await manager.query(`SET LOCAL search_path TO ${this.options.schema}, public`);
      return this.applyNextBatch(manager, projection, { checkpoint, batch });
    });
  }

  /**
   * One batch inside the caller's transaction: the checkpoint row is locked, then moved with the
   * batch. A batch read beforehand is applied only if the checkpoint has not moved since (another
   * projector process got there first); otherwise nothing is applied and 0 returned.
   */
  async applyNextBatch(manager: EntityManager, projection: Projection, prefetched?: { checkpoint: Checkpoint; batch: ReadAllResult }): Promise<number> {
    const lock = () =>
      manager.query(`SELECT transaction_id::text AS transaction_id, position::text AS position FROM projection_checkpoints WHERE name = $1 FOR UPDATE`, [
        projection.name,
      ]);
    // The row exists after a projection's first batch: created only then, not asked for by every batch (a round trip each).
    let [checkpoint] = await lock();
    if (!checkpoint) {
      await manager.query(`INSERT INTO projection_checkpoints (name, version) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [projection.name, projection.version]);
      [checkpoint] = await lock();
    }
    if (prefetched && (prefetched.checkpoint.transactionId !== checkpoint.transaction_id || prefetched.checkpoint.position !== checkpoint.position)) return 0;
    const batch = prefetched?.batch ?? (await this.store.readAll({ transactionId: checkpoint.transaction_id, position: checkpoint.position }, this.options.batchSize));
    if (batch.events.length === 0) return 0;
    await projection.apply(manager, batch.events);
    await manager.query(
      `UPDATE projection_checkpoints SET transaction_id = $2::xid8, position = $3, events_applied = events_applied + $4, updated_at = now() WHERE name = $1`,
      [projection.name, batch.checkpoint.transactionId, batch.checkpoint.position, batch.events.length],
    );
    return batch.events.length;
  }

  /**
   * Runs every projection until the log has nothing more for it. Projections standing at the
   * same checkpoint (all of them, once caught up) share one read of each batch: the log is read
   * and parsed once, not once per projection (SharedBatches). Each applies the batches at its own
   * pace, in its own transactions with its own checkpoint, at most `parallel` at once: a cheap
   * projection does not wait for the costliest after every batch, one failing holds back only
   * itself, and the next batch is read while this one is applied.
   */
  async catchUp(): Promise<number> {
    let total = 0;
    const done = new Set<string>();
    try {
      while (!this.stopping) {
        const groups = await this.groupedByCheckpoint(done);
        if (groups.length === 0) break;
        for (const { checkpoint, projections } of groups) total += await this.catchUpFrom(checkpoint, projections, done);
      }
    } finally {
      await this.statistics;
    }
    return total;
  }

  /** One group to the head of the log (or until stopping); returns the events every one of them applied. */
  private async catchUpFrom(checkpoint: Checkpoint, projections: readonly Projection[], done: Set<string>): Promise<number> {
    const batches = new SharedBatches(this.store, checkpoint, this.options.batchSize, projections.map((projection) => projection.name), BATCHES_AHEAD, this.options.roundIntervalMs);
    const slots = new Slots(Math.max(1, this.options.parallel ?? 3));
    let total = 0;
    const cleared = async (sizes: number[]) => {
      for (const events of sizes) {
        total += events;
        this.options.onApplied?.(events);
        this.analyseAsTablesGrow(events);
      }
    };
    /** One projection through the shared batches: to the head, until stopping, or until another process moved it. */
    const follow = async (projection: Projection) => {
      // Once stopping, the batch in hand is the last: shutdown must not wait for a whole backlog.
      let again = false;
      for (let index = 0; !this.stopping; index++) {
        const { from, batch } = await batches.take(projection.name, index, again);
        again = false;
        if (batch.events.length === 0) {
          if (!(await batches.atHead(projection.name))) {
            done.add(projection.name);
            return;
          }
          again = true;
          index--;
          continue;
        }
        // 0: another projector process moved this checkpoint first; regrouped on the next pass.
        if ((await slots.run(() => this.applyInOwnTransaction(projection, from, batch), index)) === 0) return;
        await cleared(batches.passed(projection.name, index));
      }
    };
    const failures: unknown[] = [];
    await Promise.all(
      projections.map(async (projection) => {
        // Nothing thrown from here: Promise.all would settle while the other projections still apply.
        await follow(projection).catch((error) => failures.push(error));
        await cleared(batches.leave(projection.name)).catch((error) => failures.push(error));
      }),
    );
    if (failures.length > 0) throw failures[0];
    return total;
  }

  /**
   * A catch-up from zero or a rebuild fills its tables within minutes, faster than autovacuum
   * comes round (and some servers run with it off). Planned from an empty table's statistics,
   * the fraud projection's group lookups became sequential scans and each batch took longer than
   * the one before: over a province's 1.13 million events, 0.25 s a batch at the start and 1.5 s
   * at the end. So the projector analyses its own tables at 20,000 events, 40,000, 80,000 and on:
   * a handful of times in a rebuild, never again in a live service once it is large. A service
   * role that does not own the tables gets a warning from PostgreSQL and autovacuum's statistics.
   */
  private analyseAsTablesGrow(applied: number): void {
    this.applied += applied;
    if (this.nextStatistics <= 0 || this.applied < this.nextStatistics) return;
    this.nextStatistics = this.applied * 2;
    const tables = [...new Set(this.projections.flatMap((projection) => projection.tables))];
    if (tables.length === 0) return;
    const qualified = tables.map((table) => (this.options.schema ? `${this.options.schema}.${table}` : table));
    // Not awaited by the batch: the batch crossing the mark is the slowest projection's (the
    // others passed it first), so the whole catch-up waited for it, 2.3 s each at full size.
    // One at a time, in order; catchUp waits for the last before it returns.
    this.statistics = this.statistics.then(() =>
      this.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL default_statistics_target = ${FILL_STATISTICS_TARGET}`);
        await manager.query(`ANALYZE ${qualified.join(', ')}`);
      }).then(
        () => undefined,
        // Statistics only speed the batches up: their failure must not stop the projection.
        (error) => this.options.onError?.(error),
      ),
    );
  }

  private applyInOwnTransaction(projection: Projection, checkpoint: Checkpoint, batch: ReadAllResult): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      if (this.options.schema) await manager.query(`SET LOCAL search_path TO ${this.options.schema}, public`);
      return this.applyNextBatch(manager, projection, { checkpoint, batch });
    });
  }

  /** The projections not yet caught up, grouped by the checkpoint they stand at (one query). */
  private async groupedByCheckpoint(done: ReadonlySet<string>): Promise<{ checkpoint: Checkpoint; projections: Projection[] }[]> {
    const checkpoints = this.options.schema ? `${this.options.schema}.projection_checkpoints` : 'projection_checkpoints';
    const rows: { name: string; transaction_id: string; position: string }[] = await this.dataSource.query(
      `SELECT name, transaction_id::text AS transaction_id, position::text AS position FROM ${checkpoints} WHERE name = ANY($1::text[])`,
      [this.projections.map((projection) => projection.name)],
    );
    const groups = new Map<string, { checkpoint: Checkpoint; projections: Projection[] }>();
    for (const projection of this.projections) {
      if (done.has(projection.name)) continue;
      const row = rows.find((candidate) => candidate.name === projection.name);
      const checkpoint: Checkpoint = row ? { transactionId: row.transaction_id, position: row.position } : { transactionId: '0', position: '0' };
      const key = `${checkpoint.transactionId}/${checkpoint.position}`;
      if (!groups.has(key)) groups.set(key, { checkpoint, projections: [] });
      groups.get(key)!.projections.push(projection);
    }
    return [...groups.values()];
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    if (this.options.listenUrl) await this.listen(this.options.listenUrl);
    if (this.options.subscribe) this.unsubscribe = await this.options.subscribe(() => this.notified());
    this.loop = this.run();
  }

  /** Finishes the batch in hand, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
    await this.unsubscribe?.().catch(() => undefined);
    this.unsubscribe = null;
  }

  /** Kept while catching up (no one is waiting then), so the loop reads again instead of sleeping until the next poll. */
  private notified(): void {
    this.woken = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      let failed = false;
      try {
        await this.catchUp();
      } catch (error) {
        failed = true;
        this.options.onError?.(error);
      }
      if (!this.running) break;
      if (this.woken && !failed) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollIntervalMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private async listen(url: string): Promise<void> {
    const client = new Client({ connectionString: url });
    client.on('notification', () => this.notified());
    const lost = (error?: Error) => {
      if (error) this.options.onError?.(error);
      if (this.listener !== client) return;
      this.listener = null;
      this.relisten(url);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    await client.query('LISTEN events_appended');
    this.listener = client;
  }

  /** Polling carries on meanwhile; keep trying to listen again until the database is back. */
  private relisten(url: string): void {
    if (!this.running) return;
    setTimeout(() => {
      if (!this.running) return;
      this.listen(url).catch((error) => {
        this.options.onError?.(error);
        this.relisten(url);
      });
    }, this.options.pollIntervalMs);
  }
}
