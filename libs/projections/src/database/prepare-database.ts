import { DEFAULT_DATABASE_URL, ensureDatabase, type AppConfig } from '@lib/application';
import { createDataSource, runMigrations } from './data-source';

/** Creates the database on first start and applies pending migrations, then lets go. */
export const prepareDatabase = async (config: AppConfig): Promise<string[]> => {
  const url = config.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  await ensureDatabase(url);
  // Two connections: one holds the migration lock, one runs the migrations.
  const dataSource = createDataSource(url, 2);
  await dataSource.initialize();
  try {
    return await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
};
