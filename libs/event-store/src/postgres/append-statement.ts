import type { StreamHead } from '../event-store';

/** One append, ready to go: its rows built and hashed, its heads to check. */
export interface PreparedAppend {
  commandId: string;
  resultJson: string;
  /** CommandBinding as JSON (issued_by, route, target, body_hash), or null. */
  bindingJson?: string;
  /** Every stream the append names: the heads to check, and whether events go on it. */
  checks: { streamId: string; version: number; hash: string | null; moves: boolean }[];
  /** The append's metadata as JSON, and its recorded time: every event's, unless it carries its own metadata. */
  metadata: string;
  recordedAt: string;
  events: {
    eventId: string;
    streamId: string;
    version: number;
    type: string;
    schemaVersion: number;
    data: string;
    /** Only where the event's metadata is not the append's (a list act's events carry their list). */
    metadata?: string;
    hash: string;
  }[];
  heads: Record<string, StreamHead>;
}

/** What the statement did for one append. */
export type AppendVerdict =
  | { kind: 'appended'; positions: number[] }
  | { kind: 'stale'; streamId: string }
  | { kind: 'duplicate' };

/**
 * Any number of appends in one statement and one commit, each standing or falling alone:
 * one whose command id is recorded already is left out (duplicate: a repeat gets the first
 * result back, wherever the stream has gone since), one whose named head is gone or no longer
 * the last is left out (stale), the rest go in. The caller never
 * puts two appends of one stream or one command id in the same statement.
 * A head named with its hash must be that stored event; a stream that moves must have
 * nothing after it yet. A writer racing us from elsewhere is still caught by the
 * (stream_id, stream_version) uniqueness, which aborts the whole statement.
 * Every check is an index probe per head: the recorded-command check is a scalar subquery
 * because as NOT EXISTS the generic plan made it a hash anti-join over all of
 * processed_commands (the planner guesses 100 rows from jsonb_to_recordset), a scan that
 * grew with the table. Rows are inserted in the order given (ORDER BY seq): positions follow
 * stream versions, whichever side of the join the planner hashes (PGlite's planner hashed the
 * rows and inserted them backwards).
 */
export const APPEND_SQL = `WITH heads AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS h(command_id text, stream_id text, version int, hash text, moves bool)
  ), stale AS (
    SELECT DISTINCT ON (h.command_id) h.command_id, h.stream_id FROM heads h
     WHERE (SELECT p.command_id FROM processed_commands p WHERE p.command_id = h.command_id) IS NULL
       AND ((h.hash IS NOT NULL AND NOT EXISTS (SELECT 1 FROM events s WHERE s.stream_id = h.stream_id AND s.stream_version = h.version AND s.hash = h.hash))
        OR (h.moves AND EXISTS (SELECT 1 FROM events s WHERE s.stream_id = h.stream_id AND s.stream_version = h.version + 1)))
  ), commands AS MATERIALIZED (
    SELECT * FROM jsonb_to_recordset($2::jsonb)
           AS c(n int, command_id text, result jsonb, issued_by text, route text, target text, body_hash text, metadata jsonb, recorded_at timestamptz)
  ), command AS (
    INSERT INTO processed_commands (command_id, result, issued_by, route, target, body_hash)
    SELECT c.command_id, c.result, c.issued_by, c.route, c.target, c.body_hash FROM commands c
     WHERE NOT EXISTS (SELECT 1 FROM stale WHERE stale.command_id = c.command_id)
    ON CONFLICT (command_id) DO NOTHING RETURNING command_id
  ), appended AS (
    INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash)
    SELECT e.i, e.s, e.v, e.t, e.sv, e.d, coalesce(e.m, c.metadata), c.recorded_at, e.h
      FROM jsonb_to_recordset($3::jsonb) AS e(q int, n int, i uuid, s text, v int, t text, sv int, d jsonb, m jsonb, h text)
      JOIN commands c ON c.n = e.n
     WHERE c.command_id IN (SELECT command_id FROM command)
     ORDER BY e.q
    RETURNING stream_id, global_position
  )
  SELECT (SELECT array_agg(command_id) FROM stale) AS stale_commands,
         (SELECT array_agg(stream_id) FROM stale) AS stale_streams,
         (SELECT array_agg(command_id) FROM command) AS recorded,
         (SELECT array_agg(stream_id ORDER BY global_position) FROM appended) AS appended_streams,
         (SELECT array_agg(global_position ORDER BY global_position) FROM appended) AS appended_positions`;

const text = JSON.stringify;

/**
 * One event as APPEND_SQL's third parameter gives it: short keys (q: order, n: its append's
 * place among the commands, i: event id, s: stream, v: version, t: type, sv: schema version,
 * d: data, m: metadata, h: hash), and the metadata and recorded time only once per append
 * (on the command), since every event of an append shares them. Per 10-event append that is
 * about a third fewer bytes to send and parse than one object per row with every column.
 */
const eventJson = (event: PreparedAppend['events'][number], seq: number, command: number) =>
  `{"q":${seq},"n":${command},"i":${text(event.eventId)},"s":${text(event.streamId)},"v":${event.version},` +
  `"t":${text(event.type)},"sv":${event.schemaVersion},"d":${event.data},${event.metadata === undefined ? '' : `"m":${event.metadata},`}"h":${text(event.hash)}}`;

/** One row of the events table, every column: APPEND_ROWS_SQL's rows. */
const rowJson = (append: PreparedAppend, event: PreparedAppend['events'][number], seq: number) =>
  `{"seq":${seq},"event_id":${text(event.eventId)},"stream_id":${text(event.streamId)},"stream_version":${event.version},` +
  `"type":${text(event.type)},"schema_version":${event.schemaVersion},"data":${event.data},"metadata":${event.metadata ?? append.metadata},` +
  `"recorded_at":${text(append.recordedAt)},"hash":${text(event.hash)}}`;

/**
 * More rows of an append whose first statement (APPEND_SQL, every head and the command) went
 * through in the same transaction: a very large append is written a chunk at a time, so no
 * statement runs near statement_timeout, and committed once.
 */
export const APPEND_ROWS_SQL = `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash)
    SELECT e.event_id, e.stream_id, e.stream_version, e.type, e.schema_version, e.data, e.metadata, e.recorded_at, e.hash
      FROM jsonb_to_recordset($1::jsonb) AS e(seq int, event_id uuid, stream_id text, stream_version int, type text, schema_version int, data jsonb, metadata jsonb, recorded_at timestamptz, hash text)
     ORDER BY e.seq
    RETURNING global_position`;

export const appendRowsParameters = (append: PreparedAppend, events: PreparedAppend['events']): [string] => [
  `[${events.map((event, seq) => rowJson(append, event, seq)).join(',')}]`,
];

/**
 * The statement's three parameters: JSON arrays of heads, commands and rows. Measured
 * against one array parameter per column, JSON costs the client about half the CPU (no
 * per-element escaping in JavaScript) and the server less parsing. Event data and metadata
 * are already JSON text, so they go in as they are. Three documents, not one: a parameter
 * cast to jsonb where the statement names it is parsed at each place, so one document read
 * by three CTEs was parsed three times (0.19 against 0.06 ms of the server's CPU for a
 * 10-event append).
 */
export const appendParameters = (appends: readonly PreparedAppend[]): [string, string, string] => {
  const heads: string[] = [];
  const commands: string[] = [];
  const events: string[] = [];
  appends.forEach((append, n) => {
    const command = text(append.commandId);
    commands.push(
      `{"n":${n},"command_id":${command},"result":${append.resultJson}${append.bindingJson ? `,${append.bindingJson.slice(1, -1)}` : ''},` +
        `"metadata":${append.metadata},"recorded_at":${text(append.recordedAt)}}`,
    );
    for (const check of append.checks) {
      heads.push(`{"command_id":${command},"stream_id":${text(check.streamId)},"version":${check.version},"hash":${text(check.hash)},"moves":${check.moves}}`);
    }
    for (const event of append.events) events.push(eventJson(event, events.length, n));
  });
  return [`[${heads.join(',')}]`, `[${commands.join(',')}]`, `[${events.join(',')}]`];
};

interface AppendRow {
  stale_commands: string[] | null;
  stale_streams: string[] | null;
  recorded: string[] | null;
  appended_streams: string[] | null;
  appended_positions: string[] | null;
}

/** Each append's verdict, in the order given. */
export const appendVerdicts = (appends: readonly PreparedAppend[], row: AppendRow): AppendVerdict[] => {
  const stale = new Map((row.stale_commands ?? []).map((commandId, index) => [commandId, row.stale_streams![index]]));
  const recorded = new Set(row.recorded ?? []);
  const positionsByStream = new Map<string, number[]>();
  (row.appended_streams ?? []).forEach((streamId, index) => {
    const positions = positionsByStream.get(streamId) ?? [];
    positions.push(Number(row.appended_positions![index]));
    positionsByStream.set(streamId, positions);
  });
  return appends.map((append): AppendVerdict => {
    const staleStream = stale.get(append.commandId);
    if (staleStream !== undefined) return { kind: 'stale', streamId: staleStream };
    if (!recorded.has(append.commandId)) return { kind: 'duplicate' };
    const positions = append.checks.flatMap((check) => positionsByStream.get(check.streamId) ?? []).sort((a, b) => a - b);
    return { kind: 'appended', positions };
  });
};
