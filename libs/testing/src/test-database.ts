import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '@lib/projections';

/** The server the tests run against; each suite gets a database of its own on it. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  name: string;
  url: string;
  pool: Pool;
  dataSource: DataSource;
  drop(): Promise<void>;
}

const withDatabase = (serverUrl: string, name: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

const admin = async <T>(run: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
};

/**
 * A fresh, migrated database for one suite, so suites run in parallel and never see each
 * other's events. `drop()` removes it; a crashed run leaves `rl_test_*` databases behind,
 * which `dropStaleTestDatabases` clears.
 */
export const createTestDatabase = async (suite: string, poolSize = 10): Promise<TestDatabase> => {
  const name = `rl_test_${suite.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(TEST_SERVER_URL, name);
  const dataSource = createDataSource(url, 2);
  await dataSource.initialize();
  await runMigrations(dataSource);
  const pool = new Pool({ connectionString: url, max: poolSize });
  return {
    name,
    url,
    pool,
    dataSource,
    drop: async () => {
      await pool.end();
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
};

export const dropStaleTestDatabases = async (): Promise<void> =>
  admin(async (client) => {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'rl\\_test\\_%'`);
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
  });
