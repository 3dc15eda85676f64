import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Pool, type PoolConfig } from 'pg';

/** Provided (in trial mode only) to whoever needs the embedded database instead of a URL. */
export const EMBEDDED_DATABASE = Symbol('EMBEDDED_DATABASE');

/**
 * Trial mode: PostgreSQL compiled to WebAssembly (PGlite), in-process, persisted to a folder.
 * PGlite is ONE session: two pool connections would interleave their statements in it, so a
 * rolled-back transaction's rows could be committed by another. Everything therefore goes
 * through one pool of one connection, the event store and TypeORM alike. PGlite never calls
 * fsync and does not lock its folder: for trying the service, never for real data.
 */
export class EmbeddedDatabase {
  private closed = false;

  private constructor(private readonly pglite: PGlite, readonly pool: Pool, private readonly unlock: () => void) {}

  /** `dataDir` is a folder, or `memory://` for a database that vanishes with the process (tests). */
  static async open(dataDir: string, acquireTimeoutMs = 30_000): Promise<EmbeddedDatabase> {
    const { PGlite } = await import('@electric-sql/pglite');
    // moduleResolution node10 does not read package "exports" subpaths; Node does, at run time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createPgConfig } = require('@electric-sql/pglite/node-postgres') as { createPgConfig: (pglite: PGlite) => PoolConfig };
    refuseIfInUse(dataDir);
    const pglite = await PGlite.create(dataDir);
    const unlock = lock(dataDir);
    // idleTimeoutMillis 0: the one connection is never closed while the process runs.
    const pool = new Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0, connectionTimeoutMillis: acquireTimeoutMs });
    pool.on('error', () => undefined);
    return new EmbeddedDatabase(pglite, pool, unlock);
  }

  /**
   * TypeORM's postgres driver builds its pool with `new driver.Pool(options)`; this driver hands
   * it the one shared pool, behind a view whose `end` leaves the pool to its owner.
   */
  typeormDriver(): { Pool: new (options: unknown) => unknown } {
    const pool = this.pool;
    const view = {
      connect: (...args: unknown[]) => (pool.connect as (...a: unknown[]) => unknown)(...args),
      query: (...args: unknown[]) => (pool.query as (...a: unknown[]) => unknown)(...args),
      on: () => view,
      once: () => view,
      removeListener: () => view,
      end: (callback?: (error?: Error) => void) => {
        callback?.();
        return Promise.resolve();
      },
      get totalCount() {
        return pool.totalCount;
      },
      get idleCount() {
        return pool.idleCount;
      },
      get waitingCount() {
        return pool.waitingCount;
      },
    };
    return { Pool: function EmbeddedPool() { return view; } as unknown as new (options: unknown) => unknown };
  }

  /** In-process LISTEN: PGlite delivers NOTIFY to its own listeners. */
  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    return this.pglite.listen(channel, onNotify);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end().catch(() => undefined);
    await this.pglite.close();
    this.unlock();
  }
}

export class EmbeddedDatabaseInUse extends Error {}

/** PGlite does not lock its folder, and two processes writing one folder corrupt it: we do. */
const PID_FILE = 'relief-ledger.pid';
const inMemory = (dataDir: string) => dataDir.startsWith('memory://');

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const refuseIfInUse = (dataDir: string): void => {
  if (inMemory(dataDir)) return;
  let pid: number;
  try {
    pid = Number(readFileSync(join(dataDir, PID_FILE), 'utf8'));
  } catch {
    return;
  }
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
    throw new EmbeddedDatabaseInUse(`the embedded database in ${dataDir} is in use by process ${pid}; stop that process first`);
  }
};

const lock = (dataDir: string): (() => void) => {
  if (inMemory(dataDir)) return () => undefined;
  const file = join(dataDir, PID_FILE);
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
};
