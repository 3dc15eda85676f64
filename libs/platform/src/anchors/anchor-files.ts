import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StreamCommitment } from '@lib/event-store';
import { anchorFields, type Anchor, type AnchorWithStreams } from './anchor';

/**
 * ANCHOR_DIR holds one JSON file per anchor, named by its position (zero-padded, so names sort
 * as positions do), with the stream commitments its signature covers. A file is written once
 * and never rewritten: an operator copies the folder to write-once storage as it grows.
 */
export const anchorFileName = (position: number): string => `anchor-${String(position).padStart(16, '0')}.json`;

/** The anchor's fields, then one stream commitment a line: readable, and diffable. */
export const anchorFileText = (anchor: AnchorWithStreams): string => {
  const head = JSON.stringify(anchorFields(anchor), null, 2).replace(/\n}$/, '');
  const streams = anchor.streams.map((stream) => `    ${JSON.stringify({ streamId: stream.streamId, version: stream.version, hash: stream.hash, eventsHash: stream.eventsHash })}`);
  return `${head},\n  "streams": [\n${streams.join(',\n')}\n  ]\n}\n`;
};

export class AnchorFileConflict extends Error {}

/**
 * Writes the file whole or not at all (a temporary file hard-linked into place, which fails if
 * the name is taken). Returns false when an identical file is already there; a different one
 * is never replaced.
 */
export const writeAnchorFile = (dir: string, anchor: AnchorWithStreams): boolean => {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, anchorFileName(anchor.position));
  const text = anchorFileText(anchor);
  const temporary = join(dir, `.${anchorFileName(anchor.position)}.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(temporary, text, { flag: 'wx' });
  try {
    linkSync(temporary, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (readFileSync(target, 'utf8') === text) return false;
    throw new AnchorFileConflict(`${target} already holds another anchor; it is never rewritten`);
  } finally {
    unlinkSync(temporary);
  }
};

export class AnchorFileInvalid extends Error {}

/** An anchor read from a file, with where it came from and whether that file also holds its streams. */
export interface AnchorFromFile {
  anchor: Anchor;
  file: string;
  hasStreams: boolean;
}

const isHex = (value: unknown, length?: number): value is string => typeof value === 'string' && /^[0-9a-f]+$/.test(value) && (length === undefined || value.length === length);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

const toAnchor = (value: unknown, file: string): Anchor => {
  const candidate = value as Record<string, unknown>;
  const problems = [
    !isCount(candidate?.position) && 'position',
    !isCount(candidate?.previous) && 'previous',
    !(typeof candidate?.lastTransactionId === 'string' && /^\d+$/.test(candidate.lastTransactionId)) && 'lastTransactionId',
    !isCount(candidate?.lastGlobalPosition) && 'lastGlobalPosition',
    !isHex(candidate?.logHash, 64) && 'logHash',
    !isHex(candidate?.streamsHash, 64) && 'streamsHash',
    !(typeof candidate?.signedAt === 'string') && 'signedAt',
    !isHex(candidate?.keyId) && 'keyId',
    !(typeof candidate?.signature === 'string') && 'signature',
  ].filter(Boolean);
  if (problems.length > 0) throw new AnchorFileInvalid(`${file}: not an anchor (${problems.join(', ')} missing or malformed)`);
  return anchorFields(candidate as unknown as Anchor);
};

const parse = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AnchorFileInvalid(`${file}: not JSON (${(error as Error).message})`);
  }
};

/**
 * The anchors in a file or a folder of files: an ANCHOR_DIR file (one anchor with its streams),
 * the body of GET /anchors (`{ anchors: [...] }`) or a JSON array of anchors.
 */
export const readAnchorFiles = (path: string): AnchorFromFile[] => {
  let files: string[];
  try {
    files = statSync(path).isDirectory() ? readdirSync(path).filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort().map((name) => join(path, name)) : [path];
  } catch (error) {
    throw new AnchorFileInvalid(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return files.flatMap((file) => {
    const body = parse(file) as Record<string, unknown> | unknown[];
    if (Array.isArray(body)) return body.map((item) => ({ anchor: toAnchor(item, file), file, hasStreams: false }));
    if (body && Array.isArray((body as { anchors?: unknown }).anchors)) return ((body as { anchors: unknown[] }).anchors).map((item) => ({ anchor: toAnchor(item, file), file, hasStreams: false }));
    return [{ anchor: toAnchor(body, file), file, hasStreams: Array.isArray((body as { streams?: unknown }).streams) }];
  });
};

const toStream = (value: unknown, file: string): StreamCommitment => {
  const candidate = value as Record<string, unknown>;
  if (typeof candidate?.streamId !== 'string' || !isCount(candidate.version) || typeof candidate.hash !== 'string' || !isHex(candidate.eventsHash, 64)) {
    throw new AnchorFileInvalid(`${file}: a stream commitment is malformed`);
  }
  return { streamId: candidate.streamId, version: candidate.version, hash: candidate.hash, eventsHash: candidate.eventsHash };
};

/** The stream commitments of the anchor an ANCHOR_DIR file holds (read again when needed, so a folder of them never sits in memory). */
export const readAnchorFileStreams = (file: string): StreamCommitment[] => {
  const body = parse(file) as { streams?: unknown[] };
  return (body.streams ?? []).map((stream) => toStream(stream, file));
};
