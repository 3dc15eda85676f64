import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigInvalid, type AppConfig } from '../config/app-config';
import { AnchorKeyInvalid, loadSigningKey, writeNewSigningKey, type AnchorSigningKey } from './anchor-key';

type AnchorConfig = Pick<AppConfig, 'ANCHOR_KEY_FILE' | 'ANCHOR_DIR' | 'DATA_DIR' | 'DATABASE_URL'>;

/** Trial mode is DATABASE_URL unset: the embedded database in DATA_DIR. */
const inTrialMode = (config: AnchorConfig): boolean => config.DATABASE_URL === undefined;

/** Trial mode's own key, made on first start beside the embedded database. */
export const trialAnchorKeyFile = (config: AnchorConfig): string => join(resolve(config.DATA_DIR), 'anchor-key.pem');

export interface ResolvedAnchorKey {
  key: AnchorSigningKey;
  file: string;
  /** True when trial mode made the key just now (say so in the log). */
  generated: boolean;
}

/**
 * The key that signs anchors, from ANCHOR_KEY_FILE. Outside trial mode it is required: a process
 * that runs the projector refuses to start without it, naming the variable. In trial mode, with
 * none named, a key is made in DATA_DIR on first start and kept there.
 */
export const resolveAnchorKey = (config: AnchorConfig): ResolvedAnchorKey => {
  const named = config.ANCHOR_KEY_FILE;
  if (!named && !inTrialMode(config)) {
    throw new ConfigInvalid(
      'invalid configuration: ANCHOR_KEY_FILE: required outside trial mode: the file of the Ed25519 private key (PEM) that signs the log\'s anchors, kept out of the database; make one with `npm run cli -- anchor-key --out <file>`',
    );
  }
  const file = named ?? trialAnchorKeyFile(config);
  let generated = false;
  if (!named && !existsSync(file)) {
    mkdirSync(resolve(config.DATA_DIR), { recursive: true });
    writeNewSigningKey(file);
    generated = true;
  }
  try {
    return { key: loadSigningKey(file), file, generated };
  } catch (error) {
    if (error instanceof AnchorKeyInvalid) throw new ConfigInvalid(`invalid configuration: ANCHOR_KEY_FILE: ${error.message}`);
    throw error;
  }
};

/** Where anchor files go: ANCHOR_DIR, else DATA_DIR/anchors in trial mode, else anchors/. */
export const anchorDirectory = (config: AnchorConfig): string =>
  resolve(config.ANCHOR_DIR ?? (inTrialMode(config) ? join(config.DATA_DIR, 'anchors') : 'anchors'));
