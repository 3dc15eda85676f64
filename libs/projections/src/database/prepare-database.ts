import { DEFAULT_DATABASE_URL, ensureDatabase, type AppConfig, type EmbeddedDatabase } from '@lib/platform';
import { createDataSource, runMigrations } from './data-source';

/**
 * Creates the database on first start and applies pending migrations, then lets go. Runs as
 * MIGRATION_DATABASE_URL (the owner) when set: the service's own role may not create tables.
 */
export const prepareDatabase = async (config: Pick<AppConfig, 'DATABASE_URL' | 'MIGRATION_DATABASE_URL'>, embedded?: EmbeddedDatabase): Promise<string[]> => {
  if (embedded) {
    const dataSource = createDataSource(embedded);
    await dataSource.initialize();
    try {
      return await runMigrations(dataSource, { serialise: false });
    } finally {
      await dataSource.destroy();
    }
  }
  const url = config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL ?? DEFAULT_DATABASE_URL;
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
