import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { isDatabaseUnavailable, poolOptions, type AppConfig } from '@lib/platform';
import { projectionEntities } from '../database/read-model-schema';
import { readContext } from './read-context';

/** After a replica failed, the leader serves alone this long before the replica is tried again. */
const RETRY_REPLICA_MS = 5_000;
/** The replica's lag is asked at most this often: it costs a round trip. */
const LAG_CACHE_MS = 1_000;

/**
 * Zero when the replica has replayed all it received (an idle leader sends nothing, so the age
 * of the last replayed transaction would grow without meaning lag); on a leader, zero.
 */
const LAG_SQL = `SELECT CASE WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                  ELSE greatest(0, extract(epoch FROM now() - pg_last_xact_replay_timestamp())) END::float8 AS lag`;

/**
 * The read models on a replica (READ_DATABASE_URL, typically HAProxy's read port) for the query
 * routes that allow it, on the leader for everything else. A replica that cannot serve (down,
 * refusing, not yet started) is skipped: the request is served by the leader, and the replica is
 * tried again a few seconds later. The read models on a replica trail the leader's by its
 * replay lag, which the request learns (`X-Replica-Lag-Seconds`).
 */
@Injectable()
export class ReadSource implements OnApplicationShutdown {
  private readonly logger = new Logger('ReadReplica');
  private replica: Promise<DataSource> | null = null;
  private failedAt = 0;
  private lag: { seconds: number; at: number } | null = null;

  constructor(
    private readonly leader: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** Runs a read on the replica when this request may use one and it answers, else on the leader. */
  async run<T>(read: (dataSource: DataSource) => Promise<T>): Promise<T> {
    const context = readContext.getStore();
    // Trial mode's embedded database has no replica.
    const url = this.config.get('DATABASE_URL') === undefined ? undefined : this.config.get('READ_DATABASE_URL');
    if (!context?.replicaAllowed || !url || Date.now() - this.failedAt < RETRY_REPLICA_MS) {
      if (context) context.source = 'leader';
      return read(this.leader);
    }
    try {
      const replica = await this.connect(url);
      const [lagSeconds, result] = await Promise.all([this.lagOf(replica), read(replica)]);
      // Two reads of one request may part ways; the header then owns up to the leader.
      if (context.source !== 'leader') context.source = 'replica';
      context.lagSeconds = Math.max(context.lagSeconds ?? 0, lagSeconds);
      return result;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      this.failedAt = Date.now();
      this.logger.warn(`read replica unavailable, reading from the leader for ${RETRY_REPLICA_MS} ms: ${(error as Error).message}`);
      context.source = 'leader';
      return read(this.leader);
    }
  }

  private connect(url: string): Promise<DataSource> {
    if (!this.replica) {
      const timeouts = { DB_ACQUIRE_TIMEOUT_MS: this.config.get('DB_ACQUIRE_TIMEOUT_MS'), DB_STATEMENT_TIMEOUT_MS: this.config.get('DB_STATEMENT_TIMEOUT_MS') };
      const dataSource = new DataSource({
        type: 'postgres',
        extra: poolOptions(timeouts, url, Math.max(2, Math.floor(this.config.get('DB_POOL_SIZE') / 2))),
        entities: projectionEntities,
        synchronize: false,
        migrationsRun: false,
        installExtensions: false,
      });
      this.replica = dataSource.initialize().then(
        (ready) => {
          // A replica connection dropped while idle (failover, restart) must not crash the process.
          (ready.driver as unknown as { master?: { on(event: 'error', listener: (error: Error) => void): void } }).master?.on('error', (error) =>
            this.logger.warn(`idle replica connection lost: ${error.message}`),
          );
          return ready;
        },
        (error: unknown) => {
          // Not initialised: the next attempt starts from a new DataSource.
          this.replica = null;
          throw error;
        },
      );
    }
    return this.replica;
  }

  private async lagOf(replica: DataSource): Promise<number> {
    if (this.lag && Date.now() - this.lag.at < LAG_CACHE_MS) return this.lag.seconds;
    const [{ lag }] = (await replica.query(LAG_SQL)) as { lag: number }[];
    this.lag = { seconds: Number(lag), at: Date.now() };
    return this.lag.seconds;
  }

  async onApplicationShutdown(): Promise<void> {
    const replica = await this.replica?.catch(() => null);
    if (replica?.isInitialized) await replica.destroy();
  }
}

/** What a query handler reads through. */
export interface Reads {
  run<T>(read: (dataSource: DataSource) => Promise<T>): Promise<T>;
}

/** A handler built by hand on a DataSource (tests, benchmarks) reads the leader only. */
export const readsOn = (source: ReadSource | DataSource): Reads => (source instanceof DataSource ? { run: (read) => read(source) } : source);
