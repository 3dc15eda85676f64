import { SingleBar, Presets } from 'cli-progress';
import type { INestApplicationContext } from '@nestjs/common';
import type { Pool } from 'pg';
import { BeneficiaryKeys, SupportApplicationWriter } from '@lib/application';
import { BulkWriter, DemoSeeder, type SeedReport } from '@lib/seeding';
import { Clock, PG_POOL, ProgrammeRegistry } from '@lib/platform';
import { PostgresEventStore } from '@lib/event-store';
import { createEventTypeRegistry } from '@lib/platform';

export interface SeedCommandOptions {
  applications: number;
  wards: number;
  seed: number;
  concurrency: number;
  programme: string;
  progress: boolean;
  /** Decide in memory and append thousands of commands per statement (BulkWriter), instead of one append per command. */
  bulk?: boolean;
}

/** Seeds demo data through the domain with a progress bar (rate and ETA); returns the tally. */
export const seed = async (app: INestApplicationContext, options: SeedCommandOptions): Promise<SeedReport> => {
  const programmes = app.get(ProgrammeRegistry);
  if (!programmes.catalog(options.programme)) throw new Error(`no programme ${options.programme}; loaded: ${programmes.latest().map((p) => p.id).join(', ')}`);
  const bar = new SingleBar(
    { format: 'seeding |{bar}| {value}/{total} applications | {rate}/s | ETA {eta_formatted}', noTTYOutput: true, notTTYSchedule: 2000, etaBuffer: 200 },
    Presets.shades_classic,
  );
  const pool = app.get<Pool>(PG_POOL);
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM events WHERE type = 'SupportApplicationSubmitted'`);
  const started = Date.now();
  if (options.progress) bar.start(options.applications, 0, { rate: '0' });
  const seedOptions = {
    applications: options.applications,
    wards: options.wards,
    seed: options.seed,
    concurrency: options.concurrency,
    programmeId: options.programme,
    firstSerial: rows[0].n,
    onProgress: (done: number) => options.progress && bar.update(done, { rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0) }),
  };
  const seeder = new DemoSeeder(app.get(SupportApplicationWriter), programmes);
  const report = options.bulk
    ? await seeder.runBulk(seedOptions, new BulkWriter(new PostgresEventStore(pool, createEventTypeRegistry()), programmes, app.get(BeneficiaryKeys), app.get(Clock)))
    : await seeder.run(seedOptions);
  if (options.progress) bar.stop();
  return report;
};
