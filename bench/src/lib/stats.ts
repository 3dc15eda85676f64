/** Latencies in milliseconds, kept in full (a bounded run keeps at most a few hundred thousand). */
export class Latencies {
  private values: number[] = [];

  add(ms: number): void {
    this.values.push(ms);
  }

  get count(): number {
    return this.values.length;
  }

  percentile(p: number): number {
    if (this.values.length === 0) return NaN;
    const sorted = Float64Array.from(this.values).sort();
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  }

  summary(): { p50_ms: number; p95_ms: number; p99_ms: number; max_ms: number; samples: number } {
    const sorted = Float64Array.from(this.values).sort();
    const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN);
    return { p50_ms: round(at(50)), p95_ms: round(at(95)), p99_ms: round(at(99)), max_ms: round(at(100)), samples: sorted.length };
  }
}

export const round = (value: number, digits = 2): number => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);

export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export interface LoadResult {
  ops: number;
  events: number;
  seconds: number;
  errors: number;
  latency: Latencies;
}

/**
 * Runs `writers` loops of `op` until `seconds` have passed or `maxOps` operations are done,
 * whichever comes first (every load loop here is bounded in time and count).
 */
export const runLoad = async (
  writers: number,
  seconds: number,
  maxOps: number,
  op: (writer: number, iteration: number) => Promise<number>,
): Promise<LoadResult> => {
  const latency = new Latencies();
  let ops = 0;
  let events = 0;
  let errors = 0;
  let firstError: unknown = null;
  const started = nowMs();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let iteration = 0; nowMs() < deadline && ops < maxOps; iteration += 1) {
        const t0 = nowMs();
        ops += 1;
        try {
          // Not `events += await …`: that reads `events` before the await and loses the other writers' counts.
          const appended = await op(writer, iteration);
          events += appended;
          latency.add(nowMs() - t0);
        } catch (error) {
          errors += 1;
          firstError ??= error;
          if (errors > 100) throw firstError;
        }
      }
    }),
  );
  if (firstError) console.error(`  (${errors} errors; first: ${(firstError as Error).message})`);
  return { ops, events, seconds: (nowMs() - started) / 1000, errors, latency };
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
