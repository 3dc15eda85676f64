import type { Pool } from 'pg';

/**
 * Copies the event log into an empty database in the order a projector reads it, keeping
 * every row as it is (positions, hashes, times): a projection built there from zero then saw
 * exactly what the source's projector saw. Rows are read in (transaction, position) order and
 * written in as few transactions as keep that order: a new one starts when positions go back.
 */
export const copyLog = async (from: Pool, to: Pool): Promise<number> => {
  const { rows } = await from.query(
    `SELECT global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash
       FROM events ORDER BY transaction_id, global_position`,
  );
  const runs: (typeof rows)[] = [];
  for (const row of rows) {
    const run = runs[runs.length - 1];
    if (run && Number(run[run.length - 1].global_position) < Number(row.global_position)) run.push(row);
    else runs.push([row]);
  }
  for (const run of runs) {
    for (let start = 0; start < run.length; start += 2000) {
      const chunk = run.slice(start, start + 2000);
      const column = (name: string, json = false) => chunk.map((row) => (json ? JSON.stringify(row[name]) : row[name]));
      await to.query(
        `INSERT INTO events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash)
         OVERRIDING SYSTEM VALUE
         SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::int[], $7::jsonb[], $8::jsonb[], $9::timestamptz[], $10::text[])`,
        [column('global_position'), column('event_id'), column('stream_id'), column('stream_version'), column('type'), column('schema_version'), column('data', true), column('metadata', true), column('recorded_at'), column('hash')],
      );
    }
  }
  return rows.length;
};
