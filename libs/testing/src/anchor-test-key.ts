import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSigningKey, writeNewSigningKey, type AnchorSigningKey } from '@lib/platform';

/**
 * One Ed25519 anchor key per test process, generated into a temporary folder: every app a test
 * starts with the projector signs anchors (ANCHOR_KEY_FILE is required outside trial mode), and
 * tests that verify anchors trust its public key. Jest reloads modules for every suite but keeps
 * the process, so the folder is keyed by process and removed when it exits.
 */
export const testAnchorKey = (): { file: string; publicFile: string; key: AnchorSigningKey } => {
  const dir = join(tmpdir(), `rl-anchor-key-${process.pid}`);
  const file = join(dir, 'anchor-key.pem');
  const publicFile = join(dir, 'anchor-key.pub.pem');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeNewSigningKey(file, publicFile);
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return { file, publicFile, key: loadSigningKey(file) };
};

/** A fresh ANCHOR_DIR for one app; `remove` when done. */
export const testAnchorDir = (): { dir: string; remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), 'rl-anchors-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};
