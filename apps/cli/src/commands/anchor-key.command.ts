import { writeNewSigningKey } from '@lib/platform';

/** `key.pem` → `key.pub.pem`; any other name gets `.pub.pem` added. */
export const publicKeyFileFor = (privateFile: string): string => `${privateFile.replace(/\.pem$/, '')}.pub.pem`;

/**
 * A new Ed25519 key pair for signing anchors: the private key (owner-only, never over an existing
 * file) for ANCHOR_KEY_FILE, the public key for auditors (`cli verify --public-key`).
 */
export const makeAnchorKey = (out: string, print: (line: string) => void): void => {
  const publicFile = publicKeyFileFor(out);
  const key = writeNewSigningKey(out, publicFile);
  print(`key id ${key.keyId}`);
  print(`private key: ${out} (set ANCHOR_KEY_FILE to it where the projector runs; keep it out of the database and its backups)`);
  print(`public key: ${publicFile} (give it to auditors: cli verify --anchors <dir> --public-key ${publicFile})`);
};
