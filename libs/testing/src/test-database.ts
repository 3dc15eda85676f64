import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { EmbeddedDatabase } from '@lib/platform';
import { allMigrations, createDataSource } from '@lib/projections';
import { createSuiteDatabaseWith } from './test-server';

export { TEST_SERVER_URL, dropStaleTestDatabases } from './test-server';

export interface TestDatabase {
  name: string;
  url: string;
  pool: Pool;
  dataSource: DataSource;
  /** Set for a database in the embedded PostgreSQL (trial mode), which has no URL. */
  embedded?: EmbeddedDatabase;
  drop(): Promise<void>;
}

/** A fresh database for one suite with the whole schema (the log and every read model). */
export const createTestDatabase = async (suite: string, poolSize = 5): Promise<TestDatabase> => {
  const db = await createSuiteDatabaseWith(suite, allMigrations as never[], poolSize);
  const dataSource = createDataSource(db.url, 2);
  await dataSource.initialize();
  return {
    ...db,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await db.drop();
    },
  };
};
