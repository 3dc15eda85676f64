import type { HistoryEvent } from '../../api/types';

/**
 * The event store's hash chain (libs/event-store/src/hash-chain.ts), recomputed in the browser
 * with WebCrypto from the history's own data: each hash is SHA-256 of the previous hash, a
 * newline, and the canonical JSON of exactly these fields of the event as stored.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const entries = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${entries.join(',')}}`;
};

const hex = (buffer: ArrayBuffer): string => Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');

export const chainHash = async (previousHash: string | null, event: HistoryEvent): Promise<string> => {
  const hashed = {
    eventId: event.eventId,
    streamId: event.streamId,
    streamVersion: event.version,
    type: event.type,
    schemaVersion: event.schemaVersion,
    // Upcast events carry the data as stored beside the current shape; the hash covers the stored one.
    data: event.storedData ?? event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
  };
  const bytes = new TextEncoder().encode(`${previousHash ?? ''}\n${canonicalJson(hashed)}`);
  return hex(await crypto.subtle.digest('SHA-256', bytes));
};

export type ChainResult =
  | { state: 'verified'; events: number }
  | { state: 'broken'; version: number; reason: 'missing-version' | 'hash-mismatch'; expected?: string }
  | { state: 'unavailable'; reason: 'no-webcrypto' | 'missing-fields' };

/** Verifies a whole stream in version order; names the first event whose hash does not hold. */
export const verifyChain = async (events: readonly HistoryEvent[]): Promise<ChainResult> => {
  if (typeof crypto === 'undefined' || !crypto.subtle) return { state: 'unavailable', reason: 'no-webcrypto' };
  if (events.some((event) => !event.eventId || !event.streamId || event.schemaVersion === undefined)) return { state: 'unavailable', reason: 'missing-fields' };
  let previous: string | null = null;
  let expectedVersion = 1;
  for (const event of events) {
    if (event.version !== expectedVersion) return { state: 'broken', version: expectedVersion, reason: 'missing-version' };
    const computed = await chainHash(previous, event);
    if (computed !== event.hash) return { state: 'broken', version: event.version, reason: 'hash-mismatch', expected: computed };
    previous = event.hash;
    expectedVersion += 1;
  }
  return { state: 'verified', events: events.length };
};
