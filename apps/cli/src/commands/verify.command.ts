import { Presets, SingleBar } from 'cli-progress';
import { DEFAULT_DATABASE_URL, type AppConfig } from '@lib/platform';
import { Verifier, createDataSource } from '@lib/projections';

/** Exit code 0 only when every chain holds and every application matches its read-model row. */
export const verify = async (config: AppConfig, progress: boolean, out: (line: string) => void): Promise<boolean> => {
  const dataSource = createDataSource(config.DATABASE_URL ?? DEFAULT_DATABASE_URL, 2);
  await dataSource.initialize();
  const bar = new SingleBar({ format: 'verifying |{bar}| {value}/{total} events | ETA {eta_formatted}', noTTYOutput: true, notTTYSchedule: 2000 }, Presets.shades_classic);
  let shown = false;
  try {
    const report = await new Verifier(dataSource).verify((events, total) => {
      if (!progress) return;
      if (!shown) bar.start(total, 0);
      shown = true;
      bar.update(events);
    });
    if (shown) bar.stop();
    for (const mismatch of report.mismatches) out(`MISMATCH ${mismatch.kind} ${mismatch.streamId}: ${mismatch.detail}`);
    out(`verified ${report.events} events in ${report.streams} streams; ${report.applicationsCompared} applications compared with their read-model rows; ${report.mismatches.length} mismatches`);
    return report.mismatches.length === 0;
  } finally {
    if (shown) bar.stop();
    await dataSource.destroy();
  }
};
