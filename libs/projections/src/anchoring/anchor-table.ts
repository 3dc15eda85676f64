import type { DataSource } from 'typeorm';
import type { Queryable, StreamCommitment } from '@lib/event-store';
import type { Anchor, AnchorSigningKey } from '@lib/platform';

/** The anchors as the database keeps them (migration CreateAnchors): reading and appending. */

const COLUMNS = `position, previous, last_transaction_id::text AS last_transaction_id, last_global_position, log_hash, streams_hash, signed_at, key_id, signature`;

export const anchorFromRow = (row: Record<string, unknown>): Anchor => ({
  position: Number(row.position),
  previous: Number(row.previous),
  lastTransactionId: String(row.last_transaction_id),
  lastGlobalPosition: Number(row.last_global_position),
  logHash: String(row.log_hash),
  streamsHash: String(row.streams_hash),
  signedAt: (row.signed_at instanceof Date ? row.signed_at : new Date(String(row.signed_at))).toISOString(),
  keyId: String(row.key_id),
  signature: String(row.signature),
});

/** A TypeORM DataSource as the log reader's Queryable. */
export const queryableOf = (dataSource: DataSource): Queryable => ({ query: async (sql, params) => ({ rows: await dataSource.query(sql, params) }) });

export const latestAnchor = async (db: Queryable): Promise<Anchor | null> => {
  const { rows } = await db.query(`SELECT ${COLUMNS} FROM anchors ORDER BY position DESC LIMIT 1`, []);
  return rows.length ? anchorFromRow(rows[0]) : null;
};

/** Anchors after a position, oldest first. */
export const anchorsAfter = async (db: Queryable, after: number, limit: number): Promise<Anchor[]> => {
  const { rows } = await db.query(`SELECT ${COLUMNS} FROM anchors WHERE position > $1 ORDER BY position LIMIT $2`, [after, limit]);
  return rows.map(anchorFromRow);
};

export const anchorAt = async (db: Queryable, position: number): Promise<Anchor | null> => {
  const { rows } = await db.query(`SELECT ${COLUMNS} FROM anchors WHERE position = $1`, [position]);
  return rows.length ? anchorFromRow(rows[0]) : null;
};

/** The stream commitments of an anchor, in the order its streams hash covers them. */
export const anchorStreams = async (db: Queryable, position: number): Promise<StreamCommitment[]> => {
  const { rows } = await db.query(`SELECT stream_id, version, hash, events_hash FROM anchor_streams WHERE anchor_position = $1 ORDER BY ordinal`, [position]);
  return rows.map((row) => ({ streamId: String(row.stream_id), version: Number(row.version), hash: String(row.hash), eventsHash: String(row.events_hash) }));
};

export interface PublishedKey {
  keyId: string;
  publicKey: string;
  firstUsedAt: string;
}

export const anchorKeys = async (db: Queryable): Promise<PublishedKey[]> => {
  const { rows } = await db.query(`SELECT key_id, public_key, first_used_at FROM anchor_keys ORDER BY first_used_at, key_id`, []);
  return rows.map((row) => ({ keyId: String(row.key_id), publicKey: String(row.public_key), firstUsedAt: new Date(row.first_used_at as string).toISOString() }));
};

/** Serialises signers across processes; advisory locks are per database. */
const SIGNER_LOCK = 7_420_2021;

/**
 * Appends an anchor, its streams and its key in one transaction, if the latest stored anchor is
 * still the one it extends; otherwise (another signer got there first) appends nothing and
 * returns false.
 */
export const appendAnchor = async (client: Queryable, anchor: Anchor, streams: readonly StreamCommitment[], key: AnchorSigningKey): Promise<boolean> => {
  await client.query('BEGIN', []);
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SIGNER_LOCK]);
    const { rows } = await client.query('SELECT coalesce(max(position), 0) AS latest FROM anchors', []);
    if (Number(rows[0].latest) !== anchor.previous) {
      await client.query('ROLLBACK', []);
      return false;
    }
    await client.query('INSERT INTO anchor_keys (key_id, public_key) VALUES ($1, $2) ON CONFLICT (key_id) DO NOTHING', [key.keyId, key.publicKeyPem]);
    await client.query(
      `INSERT INTO anchors (position, previous, last_transaction_id, last_global_position, log_hash, streams_hash, signed_at, key_id, signature)
       VALUES ($1, $2, $3::xid8, $4, $5, $6, $7, $8, $9)`,
      [anchor.position, anchor.previous, anchor.lastTransactionId, anchor.lastGlobalPosition, anchor.logHash, anchor.streamsHash, anchor.signedAt, anchor.keyId, anchor.signature],
    );
    await client.query(
      `INSERT INTO anchor_streams (anchor_position, ordinal, stream_id, version, hash, events_hash)
       SELECT $1, ordinal - 1, stream_id, version, hash, events_hash
         FROM unnest($2::text[], $3::int[], $4::text[], $5::text[]) WITH ORDINALITY AS s(stream_id, version, hash, events_hash, ordinal)`,
      [anchor.position, streams.map((s) => s.streamId), streams.map((s) => s.version), streams.map((s) => s.hash), streams.map((s) => s.eventsHash)],
    );
    await client.query('COMMIT', []);
    return true;
  } catch (error) {
    await client.query('ROLLBACK', []).catch(() => undefined);
    throw error;
  }
};
