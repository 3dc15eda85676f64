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

/** What JSON.stringify would write in place of this value (undefined: nothing; the key is dropped). */
const jsonValueOf = (value: unknown, key: string): unknown => {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') value = (value as { toJSON(key: string): unknown }).toJSON(key);
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return value.valueOf();
  return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
};

const writeCanonical = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      const item = jsonValueOf(value[index], String(index));
      text += (index ? ',' : '') + (item === undefined ? 'null' : writeCanonical(item));
    }
    return text + ']';
  }
  const keys = Object.keys(value).sort();
  let text = '{';
  for (const key of keys) {
    const item = jsonValueOf((value as Record<string, unknown>)[key], key);
    if (item === undefined) continue;
    text += (text.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + writeCanonical(item);
  }
  return text + '}';
};

/**
 * canonicalJson(JSON.parse(JSON.stringify(value))) in one walk, without the two copies: what the
 * append stores (jsonb keeps no key order, so the canonical text is as good as any) and hashes.
 * Undefined when JSON.stringify would give undefined.
 */
export const canonicalJsonOf = (value: unknown): string | undefined => {
  const json = jsonValueOf(value, '');
  return json === undefined ? undefined : writeCanonical(json);
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

/**
 * chainHash with data and metadata given as their canonical JSON text (canonicalJsonOf): the
 * text hashed is the same, byte for byte, but an append of many events writes its metadata's
 * text once, and each event's data is walked once instead of stringified, parsed and walked.
 */
export const chainHashOfCanonical = (
  previousHash: string | null,
  fields: Omit<HashedFields, 'data' | 'metadata'> & { dataJson: string; metadataJson: string },
): string => {
  const { eventId, streamId, streamVersion, type, schemaVersion, dataJson, metadataJson, recordedAt } = fields;
  // Keys in canonicalJson's order (sorted), every one present.
  const text = `{"data":${dataJson},"eventId":${JSON.stringify(eventId)},"metadata":${metadataJson},"recordedAt":${JSON.stringify(recordedAt)},` +
    `"schemaVersion":${JSON.stringify(schemaVersion)},"streamId":${JSON.stringify(streamId)},"streamVersion":${JSON.stringify(streamVersion)},"type":${JSON.stringify(type)}}`;
  return createHash('sha256').update(previousHash ?? '').update('\n').update(text).digest('hex');
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
