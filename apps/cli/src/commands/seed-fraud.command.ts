import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { Pool } from 'pg';
import { EventStore } from '@lib/event-store';
import { BeneficiaryKeys } from '@lib/application';
import { PG_POOL, ProgrammeRegistry } from '@lib/platform';
import { SyntheticProvinceSeeder, type SyntheticReport } from '@lib/seeding';

export interface SeedFraudOptions {
  applications: number;
  fraudRate: number;
  wards: number;
  seed: number;
  programme: string;
  out: string;
}

/** People already in the log keep their serials; synthetic ones start well after them. */
const SERIAL_OFFSET = 500_000;

/**
 * A synthetic province with labelled fraud patterns (every expressible rule but F17, whose
 * budget only `npm run fraud-eval` sets), and the ground truth written to `out` as JSON.
 */
export const seedFraud = async (app: INestApplicationContext, options: SeedFraudOptions, log: (line: string) => void): Promise<SyntheticReport> => {
  const programmes = app.get(ProgrammeRegistry);
  if (!programmes.catalog(options.programme)) throw new Error(`no programme ${options.programme}; loaded: ${programmes.latest().map((p) => p.id).join(', ')}`);
  const { rows } = await app.get<Pool>(PG_POOL).query(`SELECT count(*)::int AS n FROM events WHERE type = 'SupportApplicationSubmitted'`);
  const report = await new SyntheticProvinceSeeder(app.get(EventStore), programmes.catalog, app.get(BeneficiaryKeys)).run({
    applications: options.applications,
    fraudRate: options.fraudRate,
    wards: options.wards,
    seed: options.seed,
    programmeId: options.programme,
    firstSerial: SERIAL_OFFSET + rows[0].n,
    importedAt: new Date().toISOString(),
    onProgress: (done) => log(`  ${done} applications`),
  });
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, JSON.stringify({ seed: options.seed, applications: report.applications, fraudRate: options.fraudRate, cases: report.cases }, null, 2));
  return report;
};
