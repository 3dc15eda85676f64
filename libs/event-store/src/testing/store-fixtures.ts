import { randomBytes, randomUUID } from 'node:crypto';
import { createSuiteDatabaseWith, TEST_SERVER_URL, type SuiteDatabase } from '@lib/testing/test-server';
import { Client, type Pool, type PoolClient } from 'pg';
import type { AppendRequest, EventMetadata, NewEvent, StreamAppend, StreamHead } from '../event-store';
import { chainHash } from '../hash-chain';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { EventTypeRegistry } from '../event-type-registry';
import { eventStoreMigrations } from '../migrations';

/** Helpers for the store's contract suites; not exported from the library. */

export type StoreTestDatabase = SuiteDatabase;

/**
 * The store knows no application: its contract runs on event types of its own, on a database
 * holding only the log's tables.
 */
export const CONTRACT_EVENT = 'ContractNoteRecorded';
export const contractRegistry = (): EventTypeRegistry => new EventTypeRegistry().register({ [CONTRACT_EVENT]: 1 });

const TOO_MANY_CONNECTIONS = '53300';
const ADMIN_SHUTDOWN = '57P01';

export const TEST_METADATA: Omit<EventMetadata, 'commandId'> = {
  actorId: 'officer-lan',
  role: 'intake-officer',
  ward: 'phuong-ben-nghe',
  correlationId: 'corr-contract',
  causationId: null,
};

export const storeOn = (pool: Pool, registry: EventTypeRegistry = contractRegistry()): PostgresEventStore => new PostgresEventStore(pool, registry);

export const uniqueStream = (prefix: string): string => `${prefix}-${randomUUID()}`;

/** A registered, version-1 event; `label` makes every event's data distinguishable. */
export const noted = (label: string): NewEvent => ({
  type: CONTRACT_EVENT,
  data: { subject: label, note: `noted ${label}`, notedBy: 'officer-lan', notedAt: '2020-05-20T03:00:00.000Z' },
});

export const EMPTY: StreamHead = { version: 0, hash: null };

export const request = (appends: StreamAppend[], extra: Partial<AppendRequest> = {}): AppendRequest => ({
  commandId: randomUUID(),
  metadata: TEST_METADATA,
  recordedAt: '2020-05-20T03:00:00.000Z',
  appends,
  result: { ok: true },
  ...extra,
});

export const single = (streamId: string, expected: StreamHead, events: NewEvent[], extra: Partial<AppendRequest> = {}): AppendRequest =>
  request([{ streamId, expected, events }], extra);

/** A connection of its own, for session settings (advisory locks, replication role) that must not leak into the pool. */
export const connect = async (url: string): Promise<Client> => {
  for (;;) {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      return client;
    } catch (error) {
      // The server is shared with other suites; wait for a free connection.
      if ((error as { code?: string }).code !== TOO_MANY_CONNECTIONS) throw error;
      await sleep(100);
    }
  }
};

export const withClient = async <T>(url: string, run: (client: Client) => Promise<T>): Promise<T> => {
  const client = await connect(url);
  try {
    return await run(client);
  } finally {
    await client.end();
  }
};

/** Runs SQL with user triggers off (superuser only), as a tamperer with database access would. */
export const asTamperer = (url: string, sql: string, params: unknown[] = []): Promise<number> =>
  withClient(url, async (client) => {
    await client.query(`SET session_replication_role = replica`);
    const { rowCount } = await client.query(sql, params);
    return rowCount ?? 0;
  });

export interface RawInsert {
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  data: object;
  metadata?: EventMetadata;
  recordedAt?: string;
  previousHash: string | null;
}

/** Inserts one stored event as raw SQL (as an older release would have written it), with a correctly chained hash. */
export const insertRawEvent = async (pool: Pool, row: RawInsert): Promise<{ eventId: string; hash: string }> => {
  const eventId = randomUUID();
  const metadata = row.metadata ?? { ...TEST_METADATA, commandId: randomUUID() };
  const recordedAt = row.recordedAt ?? '2020-05-18T02:00:00.000Z';
  const hash = chainHash(row.previousHash, {
    eventId,
    streamId: row.streamId,
    streamVersion: row.streamVersion,
    type: row.type,
    schemaVersion: row.schemaVersion,
    data: row.data,
    metadata,
    recordedAt,
  });
  await pool.query(
    `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [eventId, row.streamId, row.streamVersion, row.type, row.schemaVersion, JSON.stringify(row.data), JSON.stringify(metadata), recordedAt, hash],
  );
  return { eventId, hash };
};

export const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);

export const rejectedWith = (results: PromiseSettledResult<unknown>[]): unknown[] =>
  results.filter((result): result is PromiseRejectedResult => result.status === 'rejected').map((result) => result.reason);

export const fulfilled = <T>(results: PromiseSettledResult<T>[]): T[] =>
  results.filter((result): result is PromiseFulfilledResult<T> => result.status === 'fulfilled').map((result) => result.value);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Fills the pool and keeps its connections for the whole suite, so a burst of queries really
 * runs in parallel and the pool never needs a new connection mid-test. The server is shared
 * with other suites: while it is out of connections, wait for some rather than fail.
 */
export const holdConnections = async (pool: Pool): Promise<void> => {
  const count = pool.options.max ?? 10;
  pool.options.idleTimeoutMillis = 0;
  const clients: PoolClient[] = [];
  try {
    while (clients.length < count) {
      const attempts = await Promise.allSettled(Array.from({ length: count - clients.length }, () => pool.connect()));
      clients.push(...fulfilled(attempts));
      const errors = rejectedWith(attempts);
      const fatal = errors.find((error) => (error as { code?: string }).code !== TOO_MANY_CONNECTIONS);
      if (fatal) throw fatal;
      if (errors.length > 0) await sleep(100);
    }
  } finally {
    clients.forEach((client) => client.release());
  }
};

/**
 * Waits until every transaction that wrote to `events` so far is below the oldest running
 * transaction of the whole cluster: from then on a gap-safe reader must be able to see all of it.
 */
export const waitForHorizon = async (pool: Pool): Promise<void> => {
  for (;;) {
    const { rows } = await pool.query(
      `SELECT coalesce(max(transaction_id) < pg_snapshot_xmin(pg_current_snapshot()), true) AS passed FROM events`,
    );
    if (rows[0].passed) return;
    await sleep(10);
  }
};

/**
 * A store-only database (the log's migrations), with the suite's pool opened in full up front (see holdConnections).
 * The PostgreSQL server (max_connections 100) is shared with every other suite running at the
 * time: when it is out of connections, drop whatever this attempt created, wait and try again.
 */
export const createSuiteDatabase = async (suite: string, poolSize: number): Promise<StoreTestDatabase> => {
  const attemptName = `${suite}_${randomBytes(3).toString('hex')}`;
  for (;;) {
    let db: StoreTestDatabase | undefined;
    try {
      db = await createSuiteDatabaseWith(attemptName, eventStoreMigrations, poolSize);
      // drop() ends the pool, then DROP DATABASE ... WITH (FORCE) terminates any backend that has
      // not exited yet; the idle client hears 57P01 and, with no listener, the suite crashes.
      db.pool.on('error', (error) => {
        if ((error as { code?: string }).code === ADMIN_SHUTDOWN) return;
        process.nextTick(() => {
          throw error;
        });
      });
      await holdConnections(db.pool);
      return db;
    } catch (error) {
      if ((error as { code?: string }).code !== TOO_MANY_CONNECTIONS) throw error;
      await db?.drop().catch(() => undefined);
      await withClient(TEST_SERVER_URL, async (admin) => {
        const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`rl\\_test\\_${attemptName.replace(/_/g, '\\_')}\\_%`]);
        for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      }).catch(() => undefined);
      await sleep(200);
    }
  }
};
