import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';

/** The server the tests run against; each suite gets a database of its own on it. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface SuiteDatabase {
  name: string;
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

const withDatabase = (serverUrl: string, name: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

const TOO_MANY_CONNECTIONS = '53300';

/** Parallel suites can briefly use up the server's connections; wait for one rather than fail. */
export const onTestServer = async <T>(run: (client: Client) => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    const client = new Client({ connectionString: TEST_SERVER_URL });
    try {
      await client.connect();
    } catch (error) {
      if ((error as { code?: string }).code !== TOO_MANY_CONNECTIONS || attempt >= 60) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 + Math.random() * 250));
      continue;
    }
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  }
};

/**
 * A fresh database for one suite, with the given migrations applied, so suites run in
 * parallel and never see each other's events. `drop()` removes it; a crashed run leaves
 * `rl_test_*` databases behind, which `dropStaleTestDatabases` clears.
 */
export const createSuiteDatabaseWith = async (
  suite: string,
  migrations: (new () => MigrationInterface)[],
  poolSize = 5,
): Promise<SuiteDatabase> => {
  const name = `rl_test_${suite.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await onTestServer((client) => client.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(TEST_SERVER_URL, name);
  const migrator = new DataSource({ type: 'postgres', url, migrations, migrationsTableName: 'schema_migrations', extra: { max: 1 } });
  await migrator.initialize();
  try {
    await migrator.runMigrations({ transaction: 'each' });
  } finally {
    await migrator.destroy();
  }
  const pool = new Pool({ connectionString: url, max: poolSize });
  // drop() terminates the database's backends; an idle client hearing of it is not a failure.
  pool.on('error', () => undefined);
  return {
    name,
    url,
    pool,
    drop: async () => {
      await pool.end();
      await onTestServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
};

export const dropStaleTestDatabases = async (): Promise<void> =>
  onTestServer(async (client) => {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'rl\\_test\\_%'`);
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
  });
