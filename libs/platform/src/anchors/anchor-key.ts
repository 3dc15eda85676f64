import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Anchor keys are Ed25519 (node:crypto does it natively). A key's id is derived from its public
 * key, so rotating is only a new key file, and a key id can never be claimed by another key.
 */
export class AnchorKeyInvalid extends Error {}

export interface AnchorSigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SubjectPublicKeyInfo PEM, as GET /anchors/keys publishes it. */
  publicKeyPem: string;
}

/** The first 16 hex characters of SHA-256 over the public key's DER (SubjectPublicKeyInfo). */
export const keyIdOf = (publicKey: KeyObject): string => createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);

const requireEd25519 = (key: KeyObject, where: string): void => {
  if (key.asymmetricKeyType !== 'ed25519') throw new AnchorKeyInvalid(`${where} holds a ${key.asymmetricKeyType ?? key.type} key; anchors are signed with Ed25519`);
};

export const signingKeyFromPem = (pem: string, where: string): AnchorSigningKey => {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new AnchorKeyInvalid(`${where} is not a PEM private key (${(error as Error).message})`);
  }
  requireEd25519(privateKey, where);
  const publicKey = createPublicKey(privateKey);
  return { keyId: keyIdOf(publicKey), privateKey, publicKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};

export const loadSigningKey = (file: string): AnchorSigningKey => {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AnchorKeyInvalid(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return signingKeyFromPem(pem, file);
};

export interface GeneratedKey {
  keyId: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

export const generateSigningKey = (): GeneratedKey => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    keyId: keyIdOf(publicKey),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};

/** A new key pair: the private key readable by its owner only, never over an existing file. */
export const writeNewSigningKey = (privateFile: string, publicFile?: string): GeneratedKey => {
  const key = generateSigningKey();
  writeFileSync(privateFile, key.privateKeyPem, { mode: 0o600, flag: 'wx' });
  if (publicFile) writeFileSync(publicFile, key.publicKeyPem, { flag: 'wx' });
  return key;
};

/** Public keys by key id. */
export type TrustedKeys = ReadonlyMap<string, KeyObject>;

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----/g;

/**
 * The keys an operator names: a PEM file (one or several public keys; a private key gives its
 * public half) or the body of GET /anchors/keys saved as a file. Each key id is recomputed from
 * its key, never taken from the file.
 */
export const loadPublicKeys = (file: string): Map<string, KeyObject> => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AnchorKeyInvalid(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let pems: string[];
  if (text.trimStart().startsWith('{')) {
    let body: { keys?: { publicKey?: unknown }[] };
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new AnchorKeyInvalid(`${file} is neither PEM nor the JSON of GET /anchors/keys (${(error as Error).message})`);
    }
    pems = (Array.isArray(body.keys) ? body.keys : []).map((key) => String(key?.publicKey ?? ''));
  } else {
    pems = text.match(PEM_BLOCK) ?? [];
  }
  if (pems.length === 0) throw new AnchorKeyInvalid(`${file} holds no public key`);
  const keys = new Map<string, KeyObject>();
  for (const pem of pems) {
    let key: KeyObject;
    try {
      key = createPublicKey(pem);
    } catch (error) {
      throw new AnchorKeyInvalid(`${file}: a key that does not parse (${(error as Error).message})`);
    }
    requireEd25519(key, file);
    keys.set(keyIdOf(key), key);
  }
  return keys;
};
