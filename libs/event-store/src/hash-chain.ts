import { createHash } from 'node:crypto';

/** JSON with keys sorted and undefined dropped: the same value always hashes the same. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.keys(value as object)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
};

export interface HashedFields {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  recordedAt: string;
}

/**
 * Each event's hash covers its own content and the previous event's hash in the stream, so
 * altering, removing or reordering any stored event breaks every hash after it.
 */
export const chainHash = (previousHash: string | null, fields: HashedFields): string => {
  // Exactly these fields: a stored row passed in carries more (transactionId, position, hash).
  const { eventId, streamId, streamVersion, type, schemaVersion, data, metadata, recordedAt } = fields;
  const hashed: HashedFields = { eventId, streamId, streamVersion, type, schemaVersion, data, metadata, recordedAt };
  return createHash('sha256').update(previousHash ?? '').update('\n').update(canonicalJson(hashed)).digest('hex');
};

export interface ChainBreak {
  streamId: string;
  streamVersion: number;
  position: number;
  problem: string;
}

/** Recomputes a stream's chain from raw stored rows (in version order) and names the first break. */
export const verifyChain = (rows: readonly (HashedFields & { hash: string; position: number })[]): ChainBreak | null => {
  let previous: string | null = null;
  let expectedVersion = 1;
  for (const row of rows) {
    if (row.streamVersion !== expectedVersion) {
      return { streamId: row.streamId, streamVersion: row.streamVersion, position: row.position, problem: `version ${expectedVersion} is missing` };
    }
    const { hash, position, ...fields } = row;
    if (chainHash(previous, fields) !== hash) {
      return { streamId: row.streamId, streamVersion: row.streamVersion, position, problem: 'content does not match its hash' };
    }
    previous = hash;
    expectedVersion += 1;
  }
  return null;
};
