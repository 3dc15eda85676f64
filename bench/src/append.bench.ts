import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { dumbo } from '@event-driven-io/dumbo';
import { getPostgreSQLEventStore, readMessagesBatch, DefaultPostgreSQLEventStoreProcessorBatchSize, DefaultPostgreSQLEventStoreProcessorPullingFrequencyInMs } from '@event-driven-io/emmett-postgresql';
import { PostgresEventStore, START, type Checkpoint, type StreamHead } from '@lib/event-store';
import { createEventTypeRegistry } from '@lib/platform';
import type { BenchDatabase } from './lib/bench-db';
import { Latencies, nowMs, round, runLoad, sleep, type LoadResult } from './lib/stats';

const run = promisify(execFile);

/** One event's data and metadata, about 500 and 200 bytes as JSON: a village review with its minutes. */
const DATA = {
  applicationId: '6f1c2a52-8f0e-4d7a-9d7e-1f2b3c4d5e6f',
  step: 'village-review',
  outcome: 'completed',
  minutesRef: 'BB-05/2020',
  reviewedOn: '2020-05-18',
  note: 'Tổ rà soát khối 5 đã đối chiếu danh sách hộ nghèo năm 2019, xác nhận đúng đối tượng, đủ điều kiện hưởng hỗ trợ theo Nghị quyết 42/NQ-CP; ' +
    'niêm yết công khai tại nhà văn hoá khối, không có ý kiến phản ánh.',
};
const METADATA = { actorId: 'W01-village-reviewer-1', role: 'village-reviewer', ward: 'W01', correlationId: '6f1c2a52-8f0e-4d7a-9d7e-1f2b3c4d5e6f', causationId: null };
const TYPE = 'SupportApplicationReviewed';
/** A stream takes this many appends, then the writer moves to a new one (an application's life). */
const APPENDS_PER_STREAM = 20;

export const payloadBytes = { data: Buffer.byteLength(JSON.stringify(DATA)), metadata: Buffer.byteLength(JSON.stringify(METADATA)) };

export interface AppendFigure {
  eps: number;
  appends_per_s: number;
  p50_ms: number;
  p99_ms: number;
  appends: number;
  errors: number;
}

const figure = (result: LoadResult): AppendFigure => {
  const { p50_ms, p99_ms } = result.latency.summary();
  return { eps: round(result.events / result.seconds, 0), appends_per_s: round(result.ops / result.seconds, 0), p50_ms, p99_ms, appends: result.ops, errors: result.errors };
};

/** Our store: PostgresEventStore.append, each writer on its own stream at the head it holds. */
export const appendOurs = async (db: BenchDatabase, writers: number, batch: number, seconds: number, maxOps: number, prefix = 'bench-ours'): Promise<AppendFigure> => {
  const store = new PostgresEventStore(db.pool, createEventTypeRegistry());
  const heads: StreamHead[] = Array.from({ length: writers }, () => ({ version: 0, hash: null }));
  const streams = Array.from({ length: writers }, () => `${prefix}-${randomUUID()}`);
  const events = Array.from({ length: batch }, () => ({ type: TYPE, data: DATA }));
  const result = await runLoad(writers, seconds, maxOps, async (writer, iteration) => {
    if (iteration > 0 && iteration % APPENDS_PER_STREAM === 0) {
      streams[writer] = `${prefix}-${randomUUID()}`;
      heads[writer] = { version: 0, hash: null };
    }
    const outcome = await store.append({
      commandId: randomUUID(),
      recordedAt: new Date().toISOString(),
      metadata: METADATA,
      appends: [{ streamId: streams[writer], expected: heads[writer], events }],
      result: {},
    });
    if (outcome.duplicate) throw new Error('unexpected duplicate');
    heads[writer] = outcome.heads[streams[writer]];
    return batch;
  });
  return figure(result);
};

/** Emmett's PostgreSQL event store (the peer), on the same database, same payloads, expected versions given. */
export const appendPeer = async (db: BenchDatabase, writers: number, batch: number, seconds: number, maxOps: number, prefix = 'bench-peer'): Promise<AppendFigure> => {
  const pool = new Pool({ connectionString: db.url, max: writers + 2, idleTimeoutMillis: 1000 });
  pool.on('error', () => undefined);
  const store = getPostgreSQLEventStore(db.url, { connectionOptions: { pooled: true, pool } as never });
  try {
    const versions: bigint[] = Array.from({ length: writers }, () => 0n);
    const streams = Array.from({ length: writers }, () => `${prefix}-${randomUUID()}`);
    const events = Array.from({ length: batch }, () => ({ type: TYPE, data: DATA, metadata: METADATA }));
    // The schema is created on first use; keep that out of the timed run.
    await store.appendToStream(`${prefix}-warm-up-${randomUUID()}`, [events[0]]);
    const result = await runLoad(writers, seconds, maxOps, async (writer, iteration) => {
      if (iteration > 0 && iteration % APPENDS_PER_STREAM === 0) {
        streams[writer] = `${prefix}-${randomUUID()}`;
        versions[writer] = 0n;
      }
      const outcome = await store.appendToStream(streams[writer], events, { expectedStreamVersion: versions[writer] === 0n ? 'STREAM_DOES_NOT_EXIST' : versions[writer] } as never);
      versions[writer] = outcome.nextExpectedStreamVersion;
      return batch;
    });
    return figure(result);
  } finally {
    await store.close();
    await pool.end().catch(() => undefined);
  }
};

const CEILING_TABLE = `CREATE TABLE IF NOT EXISTS bench_plain_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id uuid NOT NULL, stream_id text NOT NULL, stream_version integer NOT NULL,
  type text NOT NULL, schema_version integer NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL, hash text NOT NULL)`;
const HASH = 'a'.repeat(64);

/** The ceiling: plain INSERTs of rows of the same size and columns through `pg`, one statement and commit per append, primary key only. */
export const appendCeiling = async (db: BenchDatabase, writers: number, batch: number, seconds: number, maxOps: number): Promise<AppendFigure> => {
  await db.pool.query(CEILING_TABLE);
  const data = JSON.stringify(DATA);
  const metadata = JSON.stringify({ ...METADATA, commandId: randomUUID() });
  const result = await runLoad(writers, seconds, maxOps, async (writer, iteration) => {
    const stream = `plain-${writer}-${Math.floor(iteration / APPENDS_PER_STREAM)}`;
    const ids = Array.from({ length: batch }, () => randomUUID());
    await db.pool.query(
      `INSERT INTO bench_plain_events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash)
       SELECT id, $2, v, $3, 1, $4::jsonb, $5::jsonb, now(), $6 FROM unnest($1::uuid[]) WITH ORDINALITY AS e(id, v)`,
      [ids, stream, TYPE, data, metadata, HASH],
    );
    return batch;
  });
  return figure(result);
};

/** The same INSERT through pgbench (C client, prepared statements), where pgbench is installed. */
export const appendPgbench = async (db: BenchDatabase, writers: number, batch: number, seconds: number): Promise<AppendFigure | null> => {
  const pgbench = await findPgbench();
  if (!pgbench) return null;
  await db.pool.query(CEILING_TABLE);
  const dir = await mkdtemp(join(tmpdir(), 'rl-pgbench-'));
  try {
    // Base64, since pgbench reads `:name` in a script as a variable (JSON is full of them).
    const literal = (value: object) => `convert_from(decode('${Buffer.from(JSON.stringify(value)).toString('base64')}', 'base64'), 'UTF8')`;
    await writeFile(join(dir, 'append.sql'), [
      '\\set s random(1, 2000000000)',
      `INSERT INTO bench_plain_events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash)
       SELECT gen_random_uuid(), 'pgbench-' || :s, v, '${TYPE}', 1, ${literal(DATA)}::jsonb, ${literal({ ...METADATA, commandId: randomUUID() })}::jsonb, now(), '${HASH}'
         FROM generate_series(1, ${batch}) AS v;`.replace(/\s*\n\s*/g, ' '),
    ].join('\n') + '\n');
    const url = new URL(db.url);
    const { stdout } = await run(pgbench, [
      '-n', '-M', 'prepared', '-f', join(dir, 'append.sql'), '-c', String(writers), '-j', String(Math.min(writers, 2)), '-T', String(Math.max(1, Math.round(seconds))),
      '-h', url.hostname, '-p', url.port || '5432', '-U', url.username || 'postgres', '-l', '--log-prefix', join(dir, 'log'), db.name,
    ], { timeout: (seconds + 60) * 1000, maxBuffer: 16 << 20 });
    const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1] ?? NaN);
    const latency = new Latencies();
    for (const file of (await readdir(dir)).filter((name) => name.startsWith('log'))) {
      for (const line of (await readFile(join(dir, file), 'utf8')).split('\n')) {
        const fields = line.split(' ');
        if (fields.length >= 3) latency.add(Number(fields[2]) / 1000);
      }
    }
    const { p50_ms, p99_ms } = latency.summary();
    return { eps: round(tps * batch, 0), appends_per_s: round(tps, 0), p50_ms, p99_ms, appends: latency.count, errors: 0 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

const findPgbench = async (): Promise<string | null> => {
  for (const candidate of ['pgbench', '/usr/lib/postgresql/15/bin/pgbench']) {
    try {
      await run(candidate, ['--version']);
      return candidate;
    } catch {
      // not there
    }
  }
  return null;
};

export interface GapFigure {
  appended: number;
  received: number;
  /** Appended at or below the consumer's final checkpoint, never handed on: skipped for good. */
  missed: number;
  missed_pct: number;
  /** Beyond the final checkpoint when the drain stopped (a slow consumer, not a skipped event). */
  behind: number;
}

/** After the writers stop, a consumer drains for at most this long (bounded like every loop here). */
const DRAIN_SECONDS = 60;

/**
 * A tailing consumer while `writers` append single events: how many appended events it never
 * receives. Ours reads with its (transaction id, position) checkpoint; the peer's consumer
 * with its global-position checkpoint (readMessagesBatch, as its batch puller does).
 */
/**
 * The pace of Emmett's batch puller (postgreSQLEventStoreMessageBatchPuller), used for both
 * consumers: after each read wait 100 ms at first, the pulling frequency (50 ms) while batches
 * come back full, doubling up to 1 s while they do not. Once the writers stop, read on at once
 * until three reads come back empty (the count of what was missed must not wait for seconds).
 */
class PullSchedule {
  private wait = 100;

  next(full: boolean, writing: boolean): number {
    const now = this.wait;
    this.wait = full ? DefaultPostgreSQLEventStoreProcessorPullingFrequencyInMs : Math.min(this.wait * 2, 1000);
    return writing ? now : 0;
  }
}

/**
 * Runs `write` while a consumer pulls with `pull` (paced like the peer's batch puller); once the
 * writers are done it drains until three empty pulls in a row, for at most DRAIN_SECONDS.
 */
const tailWhile = async (write: () => Promise<unknown>, pull: () => Promise<{ read: number; more: boolean }>): Promise<void> => {
  let writing = true;
  const consumer = (async () => {
    const schedule = new PullSchedule();
    let drainUntil = Infinity;
    for (let idle = 0; (writing || idle < 3) && nowMs() < drainUntil; ) {
      if (!writing && drainUntil === Infinity) drainUntil = nowMs() + DRAIN_SECONDS * 1000;
      const { read, more } = await pull();
      idle = read || writing ? 0 : idle + 1;
      await sleep(schedule.next(more, writing));
    }
  })();
  try {
    await write();
  } finally {
    writing = false;
    await consumer;
  }
};

export const consumerGapOurs = async (db: BenchDatabase, writers: number, seconds: number, maxOps: number): Promise<GapFigure> => {
  const store = new PostgresEventStore(db.pool, createEventTypeRegistry());
  const prefix = `gap-ours-${randomUUID().slice(0, 8)}`;
  const [last] = (await db.pool.query(`SELECT transaction_id::text AS t, global_position::text AS p FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1`)).rows;
  let checkpoint: Checkpoint = last ? { transactionId: last.t, position: last.p } : START;
  const received = new Set<string>();
  await tailWhile(() => appendOurs(db, writers, 1, seconds, maxOps, prefix), async () => {
    const batch = await store.readAll(checkpoint, DefaultPostgreSQLEventStoreProcessorBatchSize);
    checkpoint = batch.checkpoint;
    for (const event of batch.events) if (event.streamId.startsWith(prefix)) received.add(event.eventId);
    return { read: batch.events.length, more: batch.events.length === DefaultPostgreSQLEventStoreProcessorBatchSize };
  });
  const { rows } = await db.pool.query(
    `SELECT event_id, (transaction_id, global_position) <= ($2::xid8, $3::bigint) AS passed FROM events WHERE stream_id LIKE $1`,
    [`${prefix}-%`, checkpoint.transactionId, checkpoint.position],
  );
  const missed = rows.filter((row) => row.passed && !received.has(row.event_id)).length;
  const behind = rows.filter((row) => !row.passed).length;
  return { appended: rows.length, received: received.size, missed, missed_pct: round((100 * missed) / Math.max(1, rows.length), 2), behind };
};

export const consumerGapPeer = async (db: BenchDatabase, writers: number, seconds: number, maxOps: number): Promise<GapFigure> => {
  const prefix = `gap-peer-${randomUUID().slice(0, 8)}`;
  const reader = dumbo({ connectionString: db.url });
  // Make sure the peer's schema exists before taking the starting position.
  await appendPeer(db, 1, 1, 0.01, 1, `${prefix}-warm`);
  // Not readLastMessageGlobalPosition: in 0.42.0 it orders ascending and returns the first message's position.
  let after = BigInt((await db.pool.query('SELECT coalesce(max(global_position), 0)::text AS p FROM emt_messages')).rows[0].p);
  const received = new Set<string>();
  await tailWhile(() => appendPeer(db, writers, 1, seconds, maxOps, prefix), async () => {
    const batch = await readMessagesBatch(reader.execute, { after, batchSize: DefaultPostgreSQLEventStoreProcessorBatchSize });
    after = batch.currentGlobalPosition;
    for (const message of batch.messages) if (String(message.metadata.streamName).startsWith(prefix)) received.add(String(message.metadata.messageId));
    return { read: batch.messages.length, more: batch.areMessagesLeft };
  });
  await reader.close();
  const { rows } = await db.pool.query(
    `SELECT message_id, global_position <= $3::bigint AS passed FROM emt_messages WHERE stream_id LIKE $1 AND stream_id NOT LIKE $2`,
    [`${prefix}-%`, `${prefix}-warm%`, after.toString()],
  );
  const missed = rows.filter((row) => row.passed && !received.has(row.message_id)).length;
  const behind = rows.filter((row) => !row.passed).length;
  return { appended: rows.length, received: rows.filter((row) => received.has(row.message_id)).length, missed, missed_pct: round((100 * missed) / Math.max(1, rows.length), 2), behind };
};

export const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> => {
  const started = nowMs();
  const value = await work();
  return { value, seconds: (nowMs() - started) / 1000 };
};
