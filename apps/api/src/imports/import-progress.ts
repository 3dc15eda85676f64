import { Injectable } from '@nestjs/common';

export type ImportPhase = 'reading' | 'deciding' | 'recording' | 'done' | 'failed';

export interface ImportProgressView {
  phase: ImportPhase;
  done: number;
  total: number;
}

interface Entry extends ImportProgressView {
  owner: string;
  touchedAt: number;
}

/** How long a finished or abandoned import's progress stays readable: the console's last poll comes well before. */
const KEEP_MS = 10 * 60_000;
/** Bounds the memory a flood of progress ids can take; the oldest go first. */
const MAX_ENTRIES = 1000;

/**
 * The progress of imports running in this process, by an id the client chose, readable only by the
 * officer who started it. In memory: with several API processes behind a balancer, a poll that
 * reaches another process finds nothing (404) and the console waits for the upload's answer.
 */
@Injectable()
export class ImportProgress {
  private readonly entries = new Map<string, Entry>();

  start(id: string, owner: string): void {
    this.prune();
    this.entries.delete(id);
    this.entries.set(id, { owner, phase: 'reading', done: 0, total: 0, touchedAt: Date.now() });
  }

  update(id: string | undefined, phase: ImportPhase, done = 0, total = 0): void {
    const entry = id === undefined ? undefined : this.entries.get(id);
    if (!entry) return;
    Object.assign(entry, { phase, done, total, touchedAt: Date.now() });
  }

  read(id: string, owner: string): ImportProgressView | null {
    const entry = this.entries.get(id);
    if (!entry || entry.owner !== owner) return null;
    return { phase: entry.phase, done: entry.done, total: entry.total };
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, entry] of this.entries) if (now - entry.touchedAt > KEEP_MS) this.entries.delete(id);
    while (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
}
