import { sign, verify } from 'node:crypto';
import type { StreamCommitment } from '@lib/event-store';
import type { AnchorSigningKey, TrustedKeys } from './anchor-key';

/**
 * A signed checkpoint of the log (docs/ANCHORS.md): the first `position` events in log order
 * hash to `logHash`; the streams those after `previous` touched are committed to by
 * `streamsHash`. The signature covers every field but itself.
 */
export interface Anchor {
  /** How many events it covers, in log order. */
  position: number;
  /** The position of the anchor before it (0 for the first): the streams committed are those of the events in between. */
  previous: number;
  /** The last covered event's place in the log order. */
  lastTransactionId: string;
  lastGlobalPosition: number;
  logHash: string;
  streamsHash: string;
  signedAt: string;
  keyId: string;
  /** Ed25519 over `signedMessage`, base64. */
  signature: string;
}

/** An anchor with the stream commitments its `streamsHash` covers, as ANCHOR_DIR's files hold it. */
export interface AnchorWithStreams extends Anchor {
  streams: StreamCommitment[];
}

export type UnsignedAnchor = Omit<Anchor, 'signature'>;

/** The bytes signed: one field a line, in this order, UTF-8, no final newline. */
export const signedMessage = (anchor: UnsignedAnchor): string =>
  [
    'relief-ledger anchor v1',
    `position ${anchor.position}`,
    `previous ${anchor.previous}`,
    `last-event ${anchor.lastTransactionId} ${anchor.lastGlobalPosition}`,
    `log-hash ${anchor.logHash}`,
    `streams-hash ${anchor.streamsHash}`,
    `signed-at ${anchor.signedAt}`,
    `key-id ${anchor.keyId}`,
  ].join('\n');

export const signAnchor = (unsigned: Omit<UnsignedAnchor, 'keyId'>, key: AnchorSigningKey): Anchor => {
  const withKey: UnsignedAnchor = { ...unsigned, keyId: key.keyId };
  return { ...withKey, signature: sign(null, Buffer.from(signedMessage(withKey), 'utf8'), key.privateKey).toString('base64') };
};

export type SignatureVerdict = 'valid' | 'unknown-key' | 'bad-signature';

/** Checked with a key the caller trusts, found by the anchor's key id; a key id nobody named is `unknown-key`. */
export const verifyAnchorSignature = (anchor: Anchor, keys: TrustedKeys): SignatureVerdict => {
  const key = keys.get(anchor.keyId);
  if (!key) return 'unknown-key';
  let valid = false;
  try {
    valid = verify(null, Buffer.from(signedMessage(anchor), 'utf8'), key, Buffer.from(String(anchor.signature), 'base64'));
  } catch {
    valid = false;
  }
  return valid ? 'valid' : 'bad-signature';
};

/** The fields of an anchor and nothing else, in a stable order (the API's and the files' shape). */
export const anchorFields = (anchor: Anchor): Anchor => ({
  position: anchor.position,
  previous: anchor.previous,
  lastTransactionId: anchor.lastTransactionId,
  lastGlobalPosition: anchor.lastGlobalPosition,
  logHash: anchor.logHash,
  streamsHash: anchor.streamsHash,
  signedAt: anchor.signedAt,
  keyId: anchor.keyId,
  signature: anchor.signature,
});
