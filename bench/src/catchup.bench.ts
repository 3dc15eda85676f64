import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchDatabase } from './lib/bench-db';
import { serviceNodeOptions } from './lib/service-node-options';

const run = promisify(execFile);

export interface CatchUpFigure {
  events: number;
  seconds: number;
  eps: number;
  /** The rate over the log's first and last tenth (a cost that grows with the read models). */
  eps_first_tenth?: number | null;
  eps_last_tenth?: number | null;
  /** Each projection's apply, milliseconds per 1,000 events over the log's first and last tenth. */
  apply_ms_per_1000_events?: { first_tenth: Record<string, number>; last_tenth: Record<string, number> };
  /** CPU seconds over the catch-up: the projector process's, and the whole machine's (the server's included). */
  projector_cpu_s?: number;
  machine_cpu_s?: number | null;
  batch_size: number;
  peak_rss_mb: number;
  max_rss_mb: number;
  /** The same batches read and parsed, nothing applied (catchup-child.ts `read`), just after. */
  read_ceiling_eps?: number;
  vs_read_ceiling?: number | null;
}

/** Rebuilds every read model from zero in a child process (its peak memory is the projector's). */
export const catchUp = async (db: BenchDatabase, options: { batchSize: number; profileDir?: string; timeoutSeconds: number }): Promise<CatchUpFigure> => {
  // Run as the projector is shipped (its V8 flags), the read ceiling too.
  const flags = serviceNodeOptions();
  const args = [...flags, ...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : []), join(__dirname, 'catchup-child.js'), db.url, String(options.batchSize)];
  const { stdout } = await run(process.execPath, args, { timeout: options.timeoutSeconds * 1000, maxBuffer: 1 << 20 });
  const figure: CatchUpFigure = JSON.parse(stdout.trim().split('\n').pop()!);
  const ceiling = await run(process.execPath, [...flags, join(__dirname, 'catchup-child.js'), db.url, String(options.batchSize), 'read'], { timeout: options.timeoutSeconds * 1000, maxBuffer: 1 << 20 });
  const read = JSON.parse(ceiling.stdout.trim().split('\n').pop()!);
  return { ...figure, read_ceiling_eps: read.eps, vs_read_ceiling: read.eps ? Number((figure.eps / read.eps).toFixed(2)) : null };
};
