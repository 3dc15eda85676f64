import { Pool } from 'pg';
import { validateConfig } from '@lib/platform';
import { prepareDatabase } from '@lib/projections';

/** The server the bench runs on: DATABASE_URL's host, port and user; only loopback is accepted. */
export const serverUrl = (): URL => {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error(`the bench runs only against a PostgreSQL on this machine (got ${url.hostname})`);
  return url;
};

export const databaseUrl = (name: string): string => {
  const url = serverUrl();
  url.pathname = `/${name}`;
  return url.toString();
};

export interface BenchDatabase {
  name: string;
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

/** A database of the bench's own (always named rl_bench_*), created fresh and migrated. */
export const createBenchDatabase = async (suffix: string, poolSize = 34): Promise<BenchDatabase> => {
  const name = `rl_bench_${suffix}`.replace(/[^a-z0-9_]/g, '_');
  const admin = new Pool({ connectionString: databaseUrl('postgres'), max: 1 });
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  await prepareDatabase(validateConfig({ DATABASE_URL: url }));
  // The server is shared (max_connections may be 100): idle connections go back within a second.
  const pool = new Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 1000 });
  // An idle connection the server drops (someone's restart test) must not crash the run.
  pool.on('error', (error) => console.error(`  (idle connection lost: ${error.message})`));
  return {
    name,
    url,
    pool,
    drop: async () => {
      await pool.end();
      const again = new Pool({ connectionString: databaseUrl('postgres'), max: 1 });
      try {
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await again.end();
      }
    },
  };
};

/** The machine's load, as `uptime` reports it, for the results. */
export const machineLoad = async (): Promise<{ loadavg: number[]; cpus: number }> => {
  const os = await import('node:os');
  return { loadavg: os.loadavg().map((value) => Number(value.toFixed(2))), cpus: os.cpus().length };
};
