import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventStore } from '@lib/event-store';
import type { Projection } from '../projection';

export interface ProjectorOptions {
  batchSize: number;
  /** Fallback when a notification is lost (a dropped LISTEN connection): poll this often. */
  pollIntervalMs: number;
  /** LISTEN/NOTIFY wake-up; omit to poll only. */
  listenUrl?: string;
  onError?: (error: unknown) => void;
  /** Write into this schema's tables (a rebuild); `public` stays on the path for the log. */
  schema?: string;
}

/**
 * Reads the global log from each projection's checkpoint and applies it in batches; a batch
 * and its checkpoint commit together, so a crash neither loses nor repeats an event. The
 * checkpoint row is locked for the batch: two projector processes never apply the same batch.
 */
export class Projector {
  private running = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private listener: Client | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    readonly projections: readonly Projection[],
    private readonly options: ProjectorOptions,
  ) {}

  /** Applies at most one batch to one projection, in its own transaction; returns how many events it read. */
  runBatch(projection: Projection): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      if (this.options.schema) await manager.query(`SET LOCAL search_path TO ${this.options.schema}, public`);
      return this.applyNextBatch(manager, projection);
    });
  }

  /** One batch inside the caller's transaction: the checkpoint row is locked, then moved with the batch. */
  async applyNextBatch(manager: EntityManager, projection: Projection): Promise<number> {
    await manager.query(
      `INSERT INTO projection_checkpoints (name, version) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
      [projection.name, projection.version],
    );
    const [checkpoint] = await manager.query(
      `SELECT transaction_id::text AS transaction_id, position::text AS position FROM projection_checkpoints WHERE name = $1 FOR UPDATE`,
      [projection.name],
    );
    const batch = await this.store.readAll({ transactionId: checkpoint.transaction_id, position: checkpoint.position }, this.options.batchSize);
    if (batch.events.length === 0) return 0;
    await projection.apply(manager, batch.events);
    await manager.query(
      `UPDATE projection_checkpoints SET transaction_id = $2::xid8, position = $3, events_applied = events_applied + $4, updated_at = now() WHERE name = $1`,
      [projection.name, batch.checkpoint.transactionId, batch.checkpoint.position, batch.events.length],
    );
    return batch.events.length;
  }

  /** Runs every projection until the log has nothing more for it. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (const projection of this.projections) {
      for (let read = await this.runBatch(projection); read > 0; read = await this.runBatch(projection)) total += read;
    }
    return total;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    if (this.options.listenUrl) await this.listen(this.options.listenUrl);
    this.loop = this.run();
  }

  /** Finishes the batch in hand, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.catchUp();
      } catch (error) {
        this.options.onError?.(error);
      }
      if (!this.running) break;
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
    client.on('notification', () => this.wake?.());
    client.on('error', (error) => {
      this.options.onError?.(error);
      this.listener = null;
      // Polling carries on; try to listen again shortly.
      if (this.running) setTimeout(() => this.running && void this.listen(url).catch(this.options.onError), this.options.pollIntervalMs);
    });
    await client.connect();
    await client.query('LISTEN events_appended');
    this.listener = client;
  }
}
