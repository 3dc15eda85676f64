import { randomUUID } from 'node:crypto';
import { DatabaseError, type Pool, type QueryResultRow } from 'pg';
import {
  bindingDiffers,
  CommandIdReused,
  ConcurrencyError,
  type CommandBinding,
  EventStore,
  type AppendOutcome,
  type AppendRequest,
  type Checkpoint,
  type EventMetadata,
  type ReadAllResult,
  type ReadStreamOptions,
  type StoredEvent,
  type StreamHead,
} from '../event-store';
import type { EventTypeRegistry } from '../event-type-registry';
import { canonicalJson, canonicalJsonOf, chainHashOfCanonical } from '../hash-chain';
import { AppendCoalescer, DEFAULT_COALESCING, type CoalescingOptions } from './append-coalescer';
import { APPEND_ROWS_SQL, APPEND_SQL, appendParameters, appendRowsParameters, appendVerdicts, type AppendVerdict, type PreparedAppend } from './append-statement';

const COLUMNS = `global_position, transaction_id::text AS transaction_id, event_id, stream_id, stream_version,
  type, schema_version, data, metadata, recorded_at, hash`;

/** A stored row as PostgreSQL holds it, before upcasting: what the hash chain covers. */
export interface RawEventRow {
  position: number;
  transactionId: string;
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  data: object;
  metadata: EventMetadata;
  recordedAt: string;
  hash: string;
}

export const toRawRow = (row: QueryResultRow): RawEventRow => ({
  position: Number(row.global_position),
  transactionId: row.transaction_id,
  eventId: row.event_id,
  streamId: row.stream_id,
  streamVersion: row.stream_version,
  type: row.type,
  schemaVersion: row.schema_version,
  data: row.data,
  metadata: row.metadata,
  recordedAt: (row.recorded_at as Date).toISOString(),
  hash: row.hash,
});

/** An event's data as the canonical JSON text that is stored and hashed; data JSON cannot write is refused, as JSON.parse refused it before. */
const dataText = (data: unknown): string => {
  const text = canonicalJsonOf(data);
  if (text === undefined) throw new TypeError('event data must be a JSON value');
  return text;
};

const isDeadlock = (error: unknown): boolean => (error as { code?: string }).code === '40P01';

/**
 * At most one wake-up NOTIFY per this many milliseconds from one process. Each is a round trip
 * of its own on a pooled connection: at 2 ms, 8 writers sent one for every two or three append
 * statements, and 10 ms raised their single-event appends by 30–70% in paired runs. A projector woken up to
 * 10 ms later reads everything appended meanwhile in one batch.
 */
const NOTIFY_INTERVAL_MS = 10;

/** Two appends naming the same streams in opposite order can deadlock; PostgreSQL aborts one whole. */
const DEADLOCK_RETRIES = 5;

/** What a bulk append did: every command appended, or none (the ids already recorded). */
export interface BatchAppendOutcome {
  duplicates: string[];
  events: number;
  heads: Record<string, StreamHead>;
}

const isUniqueViolation = (error: unknown, constraint: string): boolean =>
  (error as { code?: string; constraint?: string }).code === '23505' && (error as { constraint?: string }).constraint === constraint;

/**
 * The event store on PostgreSQL. An append is one statement, whatever the number of events or
 * streams: the command row and every event row go in together, so a command is recorded iff
 * its events are, and a stale writer is refused (by the head checks in the statement, or by
 * the (stream_id, stream_version) uniqueness). Appends that arrive while statements are in
 * flight share the next statement and its commit (AppendCoalescer), each still refused or
 * stored on its own.
 */
export class PostgresEventStore extends EventStore {
  private lastNotify = 0;
  private notifyTimer: NodeJS.Timeout | null = null;

  private readonly coalescer: AppendCoalescer<AppendVerdict>;

  constructor(
    private readonly pool: Pool,
    private readonly registry: EventTypeRegistry,
    private readonly coalescing: CoalescingOptions = DEFAULT_COALESCING,
  ) {
    super();
    this.coalescer = new AppendCoalescer(coalescing, (appends) => this.runAppends(appends));
  }

  /**
   * Wakes projectors (LISTEN events_appended) once an append has committed: a NOTIFY of its own,
   * never inside the append's transaction (see the NotifyAfterCommit migration for why). Sent at
   * once when none went out in the last NOTIFY_INTERVAL_MS, otherwise at the end of that
   * interval for every append in it: a busy writer sends at most one per interval. A lost one
   * costs a projector its poll interval.
   */
  private notifyAppended(): void {
    if (this.notifyTimer) return;
    const send = () => {
      this.notifyTimer = null;
      this.lastNotify = Date.now();
      this.pool.query(`SELECT pg_notify('events_appended', '')`).catch(() => undefined);
    };
    const wait = this.lastNotify + NOTIFY_INTERVAL_MS - Date.now();
    if (wait <= 0) send();
    else this.notifyTimer = setTimeout(send, wait).unref();
  }

  /**
   * A row as readers get it, upcast to the current shape, built as one object: a catch-up makes
   * one per event of every batch, and a raw row spread into another cost twice the allocations.
   * The hash covers the data as stored: kept beside the upcast shape when they differ.
   */
  private storedEvent(row: QueryResultRow): StoredEvent {
    const stored: object = row.data;
    const data = this.registry.upcast(row.type, row.schema_version, stored);
    const event: StoredEvent = {
      position: Number(row.global_position),
      transactionId: row.transaction_id,
      eventId: row.event_id,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      type: row.type,
      data,
      metadata: row.metadata,
      recordedAt: (row.recorded_at as Date).toISOString(),
      hash: row.hash,
      storedSchemaVersion: row.schema_version,
    };
    if (data !== stored) event.storedData = stored;
    return event;
  }

  async readRawStream(streamId: string, options: ReadStreamOptions = {}): Promise<RawEventRow[]> {
    return (await this.streamRows(streamId, options)).map(toRawRow);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return (await this.streamRows(streamId, options)).map((row) => this.storedEvent(row));
  }

  private async streamRows(streamId: string, options: ReadStreamOptions): Promise<QueryResultRow[]> {
    const { rows } = await this.pool.query({
      name: 'relief-ledger-read-stream',
      text: `SELECT ${COLUMNS} FROM events
        WHERE stream_id = $1 AND ($2::int IS NULL OR stream_version <= $2) AND ($3::timestamptz IS NULL OR recorded_at <= $3)
        ORDER BY stream_version`,
      values: [streamId, options.toVersion ?? null, options.asOf ?? null],
    });
    return rows;
  }

  override async findCommandRecord(commandId: string): Promise<{ result: object; binding: CommandBinding | null } | null> {
    const { rows } = await this.pool.query({
      name: 'relief-ledger-find-command-record',
      text: 'SELECT result, issued_by, route, target, body_hash FROM processed_commands WHERE command_id = $1',
      values: [commandId],
    });
    if (rows.length === 0) return null;
    const [row] = rows;
    return { result: row.result, binding: row.route === null ? null : { issuedBy: row.issued_by, route: row.route, target: row.target, bodyHash: row.body_hash } };
  }

  async findCommand(commandId: string): Promise<object | null> {
    const { rows } = await this.pool.query({ name: 'relief-ledger-find-command', text: 'SELECT result FROM processed_commands WHERE command_id = $1', values: [commandId] });
    return rows[0]?.result ?? null;
  }

  /**
   * pool.query closes the connection on any error; a refused append (a unique violation, the
   * everyday ConcurrencyError) leaves it perfectly usable, so keep it: otherwise every loser
   * under contention costs a reconnect, and on a busy server the reconnect itself can fail.
   */
  private async queryKeepingConnection(sql: string, params: unknown[], name?: string) {
    const client = await this.pool.connect();
    let broken: unknown;
    try {
      // Named: parsed and planned once per connection, not on every append.
      return await client.query(name ? { name, text: sql, values: params } : { text: sql, values: params });
    } catch (error) {
      if (!(error instanceof DatabaseError)) broken = error;
      throw error;
    } finally {
      client.release(broken as Error | undefined);
    }
  }

  private async headHash(streamId: string, version: number): Promise<string | null> {
    if (version === 0) return null;
    const { rows } = await this.pool.query('SELECT hash FROM events WHERE stream_id = $1 AND stream_version = $2', [streamId, version]);
    if (rows.length === 0) throw new ConcurrencyError(streamId, version);
    return rows[0].hash;
  }

  async append(request: AppendRequest): Promise<AppendOutcome> {
    const prepared = await this.prepare(request);
    const chunk = this.coalescing.maxStatementEvents ?? Number.POSITIVE_INFINITY;
    const verdict = prepared.events.length > chunk ? await this.appendInChunks(prepared, chunk) : await this.coalescer.submit(prepared);
    if (verdict.kind === 'stale') {
      throw new ConcurrencyError(verdict.streamId, request.appends.find((append) => append.streamId === verdict.streamId)!.expected.version);
    }
    if (verdict.kind === 'duplicate') {
      // A racing request with the same key got there first: the same request gets its answer, another is refused.
      const first = await this.findCommandRecord(request.commandId);
      if (first && bindingDiffers(first.binding, request.binding)) throw new CommandIdReused(request.commandId, first.binding!, request.binding!);
      return { duplicate: true, result: first?.result ?? request.result };
    }
    return { duplicate: false, result: request.result, positions: verdict.positions, heads: prepared.heads };
  }

  /**
   * The rows of one append, hashed onto the heads it names. A head named by version only is
   * looked up first, for the hash to chain on; one named with its hash is checked inside the
   * statement (no round trip of its own). Either way the statement checks that the head is a
   * stored event with that hash (otherwise a caller ahead of the stream would leave a hole in
   * its versions, or a wrong hash would fork the chain) and, where events go on, that nothing
   * follows it yet.
   */
  private async prepare(request: AppendRequest): Promise<PreparedAppend> {
    const recordedAt = new Date(request.recordedAt).toISOString();
    const metadata: EventMetadata = { ...request.metadata, commandId: request.commandId };
    const metadataJson = JSON.stringify(metadata);
    // The hash has always covered the metadata object as given (not its JSON round trip): its text once per append.
    const metadataCanonical = canonicalJson(metadata);
    const binding = request.binding;
    const bindingJson = binding ? JSON.stringify({ issued_by: binding.issuedBy, route: binding.route, target: binding.target, body_hash: binding.bodyHash }) : undefined;
    const prepared: PreparedAppend = { commandId: request.commandId, resultJson: JSON.stringify(request.result ?? {}), bindingJson, metadata: metadataJson, recordedAt, checks: [], events: [], heads: {} };
    for (const { streamId, expected, events } of request.appends) {
      if (expected.version === 0 && expected.hash !== null) throw new ConcurrencyError(streamId, expected.version);
      const stored = expected.version > 0 && expected.hash === null ? await this.headHash(streamId, expected.version) : expected.hash;
      prepared.checks.push({ streamId, version: expected.version, hash: stored, moves: events.length > 0 });
      let previous = stored;
      let version = expected.version;
      for (const event of events) {
        version += 1;
        const eventId = randomUUID();
        const schemaVersion = this.registry.currentVersion(event.type);
        // As JSON gives it back (what jsonb will return), keys sorted: stored and hashed as this one text.
        const dataJson = dataText(event.data);
        // A list act's events carry the list (and decision) in their own metadata, hashed with it.
        const own = event.carriedBy ? { ...metadata, ...event.carriedBy } : metadata;
        const ownCanonical = own === metadata ? metadataCanonical : canonicalJson(own);
        const hash = chainHashOfCanonical(previous, { eventId, streamId, streamVersion: version, type: event.type, schemaVersion, dataJson, metadataJson: ownCanonical, recordedAt });
        prepared.events.push({ eventId, streamId, version, type: event.type, schemaVersion, data: dataJson, ...(own === metadata ? {} : { metadata: JSON.stringify(own) }), hash });
        previous = hash;
      }
      prepared.heads[streamId] = { version, hash: previous };
    }
    return prepared;
  }

  /**
   * One statement for the appends the coalescer grouped. If a writer elsewhere raced one of
   * them (a unique violation) or a deadlock aborted the statement, nothing of it was stored:
   * each append then runs alone, so only the append that lost fails.
   */
  private async runAppends(appends: PreparedAppend[]): Promise<AppendVerdict[]> {
    if (appends.length > 1) {
      try {
        return await this.appendStatement(appends);
      } catch (error) {
        if (!isDeadlock(error) && !isUniqueViolation(error, 'events_stream_version_unique')) throw error;
        return Promise.all(appends.map((append) => this.runAlone(append)));
      }
    }
    return [await this.runAlone(appends[0])];
  }

  /** A deadlock victim appended nothing; run again, it then meets the winner's rows or succeeds. */
  private async runAlone(append: PreparedAppend): Promise<AppendVerdict> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return (await this.appendStatement([append]))[0];
      } catch (error) {
        if (isUniqueViolation(error, 'events_stream_version_unique')) {
          const conflicted = append.checks.find((check) => (error as { detail?: string }).detail?.includes(`(${check.streamId},`)) ?? append.checks[0];
          return { kind: 'stale', streamId: conflicted.streamId };
        }
        if (!isDeadlock(error) || attempt >= DEADLOCK_RETRIES) throw error;
      }
    }
  }

  /**
   * A very large append (a provincial decision over tens of thousands of applications): one
   * transaction of several statements instead of one statement, so none runs near
   * statement_timeout. The first carries every head and the command with the first rows, so
   * its checks give the verdict exactly as the single statement does; the others add rows; one
   * commit makes all of it visible, and anything that fails rolls all of it back.
   */
  private async appendInChunks(append: PreparedAppend, chunk: number): Promise<AppendVerdict> {
    for (let attempt = 1; ; attempt += 1) {
      const verdict = await this.chunkedTransaction(append, chunk);
      // A deadlock victim stored nothing: run again, it then meets the winner's rows or succeeds.
      if (verdict !== 'deadlock') return verdict;
      if (attempt >= DEADLOCK_RETRIES) throw new Error(`an append of ${append.events.length} events lost ${attempt} deadlocks in a row`);
    }
  }

  private async chunkedTransaction(append: PreparedAppend, chunk: number): Promise<AppendVerdict | 'deadlock'> {
    const client = await this.pool.connect();
    let broken: unknown;
    try {
      await client.query('BEGIN');
      try {
        const first = { ...append, events: append.events.slice(0, chunk) };
        const { rows: [row] } = await client.query({ name: 'relief-ledger-append', text: APPEND_SQL, values: appendParameters([first]) });
        const [verdict] = appendVerdicts([first], row);
        if (verdict.kind !== 'appended') {
          await client.query('ROLLBACK');
          return verdict;
        }
        const positions = [...verdict.positions];
        for (let start = chunk; start < append.events.length; start += chunk) {
          const { rows } = await client.query({ name: 'relief-ledger-append-rows', text: APPEND_ROWS_SQL, values: appendRowsParameters(append, append.events.slice(start, start + chunk)) });
          for (const added of rows) positions.push(Number(added.global_position));
        }
        await client.query('COMMIT');
        this.notifyAppended();
        return { kind: 'appended', positions: positions.sort((a, b) => a - b) };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (isUniqueViolation(error, 'events_stream_version_unique')) {
          const conflicted = append.checks.find((check) => (error as { detail?: string }).detail?.includes(`(${check.streamId},`)) ?? append.checks[0];
          return { kind: 'stale', streamId: conflicted.streamId };
        }
        if (isDeadlock(error)) return 'deadlock';
        throw error;
      }
    } catch (error) {
      if (!(error instanceof DatabaseError)) broken = error;
      throw error;
    } finally {
      client.release(broken as Error | undefined);
    }
  }

  private async appendStatement(appends: PreparedAppend[]): Promise<AppendVerdict[]> {
    const { rows: [row] } = await this.queryKeepingConnection(APPEND_SQL, appendParameters(appends), 'relief-ledger-append');
    const verdicts = appendVerdicts(appends, row);
    if (verdicts.some((verdict) => verdict.kind === 'appended' && verdict.positions.length > 0)) this.notifyAppended();
    return verdicts;
  }

  /**
   * Gap-safe: only rows of transactions older than every transaction still running, in
   * (transaction id, position) order. A writer that took a lower position but commits late
   * keeps the reader below it until it commits; then the reader sees it in its place.
   * ORDER BY names the table's columns: the bare name would be the text output column, an order
   * in which transaction 1000 comes before 999 (a skipped event once ids cross a power of ten)
   * and which no index serves (every batch sorted the rest of the log).
   * A batch never ends inside a transaction: when the limit cuts one, the rest of it is read too
   * (the batch grows past the limit), so a consumer always sees a command's events together.
   * The rest is committed (its id is below the first read's xmin), so the second read sees all of it.
   */
  async readAll(after: Checkpoint, limit: number): Promise<ReadAllResult> {
    const { rows } = await this.pool.query(
      `SELECT ${COLUMNS} FROM events
        WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY events.transaction_id, events.global_position
        LIMIT $3`,
      [after.transactionId, after.position, limit],
    );
    if (rows.length > 0 && rows.length >= limit) {
      const cut = rows[rows.length - 1];
      const { rows: rest } = await this.pool.query(
        `SELECT ${COLUMNS} FROM events
          WHERE transaction_id = $1::xid8 AND global_position > $2::bigint
          ORDER BY events.transaction_id, events.global_position`,
        [cut.transaction_id, cut.global_position],
      );
      for (const row of rest) rows.push(row);
    }
    const events = rows.map((row) => this.storedEvent(row));
    const last = events[events.length - 1];
    return { events, checkpoint: last ? { transactionId: last.transactionId, position: String(last.position) } : after };
  }

  /** Several streams in one query (a bulk writer warming its cache): stream id to its events, in version order. */
  async readStreams(streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    const streams = new Map<string, StoredEvent[]>(streamIds.map((streamId) => [streamId, []]));
    if (streamIds.length === 0) return streams;
    const { rows } = await this.pool.query(`SELECT ${COLUMNS} FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_version`, [streamIds]);
    for (const row of rows) streams.get(row.stream_id)!.push(this.storedEvent(row));
    return streams;
  }

  /**
   * Many commands in one transaction, for bulk imports (seed, synthetic data): each request
   * keeps its own command id, metadata, recorded time and result, and several requests may
   * follow one another on a stream (each naming the head the previous one left). All or
   * nothing: a stale head or a stream moved meanwhile is a ConcurrencyError; if any command
   * id was already recorded, nothing is appended and those ids are returned as duplicates.
   * Not for the request path: one command per append keeps conflicts small there.
   */
  async appendBatch(requests: readonly AppendRequest[]): Promise<BatchAppendOutcome> {
    const columns = {
      eventId: [] as string[], streamId: [] as string[], version: [] as number[], type: [] as string[], schemaVersion: [] as number[],
      data: [] as string[], metadata: [] as string[], recordedAt: [] as string[], hash: [] as string[],
    };
    const checks = { streamId: [] as string[], version: [] as number[], hash: [] as string[] };
    const heads = new Map<string, StreamHead>();
    for (const request of requests) {
      const recordedAt = new Date(request.recordedAt).toISOString();
      const metadata: EventMetadata = { ...request.metadata, commandId: request.commandId };
      const metadataJson = JSON.stringify(metadata);
      const metadataCanonical = canonicalJson(metadata);
      for (const { streamId, expected, events } of request.appends) {
        const inBatch = heads.get(streamId);
        let previous: string | null;
        if (inBatch) {
          if (inBatch.version !== expected.version || (expected.hash !== null && expected.hash !== inBatch.hash)) throw new ConcurrencyError(streamId, expected.version);
          previous = inBatch.hash;
        } else if (expected.version === 0) {
          if (expected.hash !== null) throw new ConcurrencyError(streamId, expected.version);
          previous = null;
        } else if (expected.hash === null) {
          previous = await this.headHash(streamId, expected.version);
        } else {
          checks.streamId.push(streamId);
          checks.version.push(expected.version);
          checks.hash.push(expected.hash);
          previous = expected.hash;
        }
        let version = expected.version;
        for (const event of events) {
          version += 1;
          const eventId = randomUUID();
          const schemaVersion = this.registry.currentVersion(event.type);
          const dataJson = dataText(event.data);
          const own = event.carriedBy ? { ...metadata, ...event.carriedBy } : metadata;
          const ownCanonical = own === metadata ? metadataCanonical : canonicalJson(own);
          const hash = chainHashOfCanonical(previous, { eventId, streamId, streamVersion: version, type: event.type, schemaVersion, dataJson, metadataJson: ownCanonical, recordedAt });
          columns.eventId.push(eventId);
          columns.streamId.push(streamId);
          columns.version.push(version);
          columns.type.push(event.type);
          columns.schemaVersion.push(schemaVersion);
          columns.data.push(dataJson);
          columns.metadata.push(own === metadata ? metadataJson : JSON.stringify(own));
          columns.recordedAt.push(recordedAt);
          columns.hash.push(hash);
          previous = hash;
        }
        heads.set(streamId, { version, hash: previous });
      }
    }
    const client = await this.pool.connect();
    let broken: unknown;
    try {
      await client.query('BEGIN');
      try {
        const stale = await client.query(
          `SELECT h.stream_id, h.version FROM unnest($1::text[], $2::int[], $3::text[]) AS h(stream_id, version, hash)
            WHERE NOT EXISTS (SELECT 1 FROM events s WHERE s.stream_id = h.stream_id AND s.stream_version = h.version AND s.hash = h.hash) LIMIT 1`,
          [checks.streamId, checks.version, checks.hash],
        );
        if (stale.rows.length) throw new ConcurrencyError(stale.rows[0].stream_id, stale.rows[0].version);
        const commandIds = requests.map((request) => request.commandId);
        const recorded = await client.query(
          'INSERT INTO processed_commands (command_id, result) SELECT * FROM unnest($1::text[], $2::jsonb[]) ON CONFLICT (command_id) DO NOTHING RETURNING command_id',
          [commandIds, requests.map((request) => JSON.stringify(request.result))],
        );
        if (recorded.rows.length < new Set(commandIds).size) {
          await client.query('ROLLBACK');
          const fresh = new Set(recorded.rows.map((row) => row.command_id as string));
          return { duplicates: commandIds.filter((id) => !fresh.has(id)), events: 0, heads: {} };
        }
        if (columns.eventId.length) {
          await client.query(
            `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash)
             SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[], $8::timestamptz[], $9::text[])`,
            [columns.eventId, columns.streamId, columns.version, columns.type, columns.schemaVersion, columns.data, columns.metadata, columns.recordedAt, columns.hash],
          );
        }
        await client.query('COMMIT');
        this.notifyAppended();
        return { duplicates: [], events: columns.eventId.length, heads: Object.fromEntries(heads) };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (isUniqueViolation(error, 'events_stream_version_unique')) {
          const streamId = [...heads.keys()].find((id) => (error as { detail?: string }).detail?.includes(`(${id},`)) ?? [...heads.keys()][0];
          throw new ConcurrencyError(streamId, heads.get(streamId)!.version);
        }
        throw error;
      }
    } catch (error) {
      if (!(error instanceof DatabaseError) && !(error instanceof ConcurrencyError)) broken = error;
      throw error;
    } finally {
      client.release(broken as Error | undefined);
    }
  }
}
