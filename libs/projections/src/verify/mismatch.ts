/**
 * One thing `verify` found wrong, in English and Vietnamese (auditors read both): a broken hash
 * chain, a read model that differs from a fresh fold, or a log that no longer matches a signed
 * anchor. `streamId` or `table` says where, when it is known.
 */
export interface Mismatch {
  kind: 'hash-chain' | 'read-model' | 'anchor';
  streamId?: string;
  table?: string;
  detail: string;
  vi: string;
}

/** Where a mismatch is, for a report line: the stream, the table, or the whole log. */
export const mismatchSubject = (mismatch: Mismatch): string => mismatch.streamId ?? mismatch.table ?? 'log';
