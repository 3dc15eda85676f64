import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigInvalid } from '../config/app-config';
import { signAnchor, signedMessage, verifyAnchorSignature, type Anchor } from './anchor';
import { AnchorKeyInvalid, generateSigningKey, keyIdOf, loadPublicKeys, signingKeyFromPem } from './anchor-key';
import { anchorDirectory, resolveAnchorKey } from './anchor-settings';

const unsigned = { position: 42, previous: 30, lastTransactionId: '7731', lastGlobalPosition: 45, logHash: 'a'.repeat(64), streamsHash: 'b'.repeat(64), signedAt: '2020-05-20T03:00:00.000Z' };

describe('Anchor signatures', () => {
  const generated = generateSigningKey();
  const key = signingKeyFromPem(generated.privateKeyPem, 'test key');
  const trusted = new Map([[key.keyId, key.publicKey]]);

  it('sign the documented message with Ed25519: any Ed25519 library checks it with the public key alone', () => {
    const anchor = signAnchor(unsigned, key);
    expect(anchor.keyId).toBe(generated.keyId);
    expect(signedMessage(anchor)).toBe(
      `relief-ledger anchor v1\nposition 42\nprevious 30\nlast-event 7731 45\nlog-hash ${'a'.repeat(64)}\nstreams-hash ${'b'.repeat(64)}\nsigned-at 2020-05-20T03:00:00.000Z\nkey-id ${key.keyId}`,
    );
    expect(verify(null, Buffer.from(signedMessage(anchor)), createPublicKey(generated.publicKeyPem), Buffer.from(anchor.signature, 'base64'))).toBe(true);
    expect(verifyAnchorSignature(anchor, trusted)).toBe('valid');
  });

  it('derive the key id from the public key: the first 16 hex characters of SHA-256 over its DER', () => {
    const der = createPublicKey(generated.publicKeyPem).export({ type: 'spki', format: 'der' });
    expect(key.keyId).toBe(createHash('sha256').update(der).digest('hex').slice(0, 16));
    expect(keyIdOf(key.publicKey)).toBe(key.keyId);
  });

  it.each<[string, (anchor: Anchor) => Anchor]>([
    ['a changed log hash', (anchor) => ({ ...anchor, logHash: 'c'.repeat(64) })],
    ['a changed position', (anchor) => ({ ...anchor, position: 41 })],
    ['a changed previous anchor', (anchor) => ({ ...anchor, previous: 29 })],
    ['a changed streams hash', (anchor) => ({ ...anchor, streamsHash: 'd'.repeat(64) })],
    ['a forged signature', (anchor) => ({ ...anchor, signature: Buffer.alloc(64, 7).toString('base64') })],
    ['a signature that is not base64 of 64 bytes', (anchor) => ({ ...anchor, signature: 'not a signature' })],
  ])('refuse %s', (_, alter) => {
    expect(verifyAnchorSignature(alter(signAnchor(unsigned, key)), trusted)).toBe('bad-signature');
  });

  it('trust only the keys given: another key\'s anchor is unknown-key, even if it names a trusted key\'s id, a bad signature', () => {
    const other = signingKeyFromPem(generateSigningKey().privateKeyPem, 'other');
    const byOther = signAnchor(unsigned, other);
    expect(verifyAnchorSignature(byOther, trusted)).toBe('unknown-key');
    expect(verifyAnchorSignature({ ...byOther, keyId: key.keyId }, trusted)).toBe('bad-signature');
  });
});

describe('Anchor key files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'anchor-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('outside trial mode, ANCHOR_KEY_FILE is required: the refusal names it', () => {
    expect(() => resolveAnchorKey({ DATABASE_URL: 'postgres://db/x', DATA_DIR: dir })).toThrow(ConfigInvalid);
    expect(() => resolveAnchorKey({ DATABASE_URL: 'postgres://db/x', DATA_DIR: dir })).toThrow(/^invalid configuration: ANCHOR_KEY_FILE: required outside trial mode/);
  });

  it('refuses a key file that is missing, not PEM, or not Ed25519, naming the variable', () => {
    const rsa = join(dir, 'rsa.pem');
    writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const text = join(dir, 'text.pem');
    writeFileSync(text, 'hello');
    for (const file of [join(dir, 'missing.pem'), text, rsa]) {
      expect(() => resolveAnchorKey({ DATABASE_URL: 'postgres://db/x', DATA_DIR: dir, ANCHOR_KEY_FILE: file })).toThrow(/^invalid configuration: ANCHOR_KEY_FILE: /);
    }
    expect(() => resolveAnchorKey({ DATABASE_URL: 'postgres://db/x', DATA_DIR: dir, ANCHOR_KEY_FILE: rsa })).toThrow(/rsa key; anchors are signed with Ed25519/);
  });

  it('in trial mode, makes a key in DATA_DIR on first start (owner-only), then keeps it', () => {
    const first = resolveAnchorKey({ DATA_DIR: dir });
    expect(first.generated).toBe(true);
    expect(first.file).toBe(join(dir, 'anchor-key.pem'));
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    const again = resolveAnchorKey({ DATA_DIR: dir });
    expect(again).toMatchObject({ generated: false, file: first.file });
    expect(again.key.keyId).toBe(first.key.keyId);
    expect(anchorDirectory({ DATA_DIR: dir })).toBe(join(dir, 'anchors'));
  });

  it('reads trusted public keys from PEM or from the body of GET /anchors/keys, recomputing each key id', () => {
    const a = generateSigningKey();
    const b = generateSigningKey();
    const pem = join(dir, 'keys.pem');
    writeFileSync(pem, `${a.publicKeyPem}\n${b.publicKeyPem}`);
    expect([...loadPublicKeys(pem).keys()].sort()).toEqual([a.keyId, b.keyId].sort());
    const body = join(dir, 'keys.json');
    writeFileSync(body, JSON.stringify({ keys: [{ keyId: 'ffffffffffffffff', algorithm: 'Ed25519', publicKey: a.publicKeyPem }] }));
    expect([...loadPublicKeys(body).keys()]).toEqual([a.keyId]);
    const empty = join(dir, 'empty.pem');
    writeFileSync(empty, 'no keys here');
    expect(() => loadPublicKeys(empty)).toThrow(AnchorKeyInvalid);
    expect(readFileSync(pem, 'utf8')).toContain('BEGIN PUBLIC KEY');
  });
});
