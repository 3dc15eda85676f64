import { EmbeddedDatabase } from '@lib/platform';
import { createDataSource, prepareDatabase } from '@lib/projections';
import type { TestDatabase } from './test-database';

/**
 * A migrated database in the embedded PostgreSQL (PGlite, trial mode), in memory: the same
 * suite can then run against both. Its pool is the one shared connection the service uses.
 */
export const createEmbeddedTestDatabase = async (): Promise<TestDatabase> => {
  const embedded = await EmbeddedDatabase.open('memory://');
  await prepareDatabase({}, embedded);
  const dataSource = createDataSource(embedded);
  await dataSource.initialize();
  return {
    name: 'embedded',
    url: '',
    pool: embedded.pool,
    dataSource,
    embedded,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded.close();
    },
  };
};
