import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchDatabase } from './lib/bench-db';

const run = promisify(execFile);

export interface CatchUpFigure {
  events: number;
  seconds: number;
  eps: number;
  batch_size: number;
  peak_rss_mb: number;
  max_rss_mb: number;
}

/** Rebuilds every read model from zero in a child process (its peak memory is the projector's). */
export const catchUp = async (db: BenchDatabase, options: { batchSize: number; profileDir?: string; timeoutSeconds: number }): Promise<CatchUpFigure> => {
  const args = [...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : []), join(__dirname, 'catchup-child.js'), db.url, String(options.batchSize)];
  const { stdout } = await run(process.execPath, args, { timeout: options.timeoutSeconds * 1000, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!);
};
