import { DataSource } from 'typeorm';
import { eventStoreMigrations } from '@lib/event-store';
import { projectionEntities, projectionMigrations } from './read-model-schema';

/** TypeORM owns the schema through migrations only; `synchronize` stays off everywhere. */
export const createDataSource = (url: string, poolSize = 10): DataSource =>
  new DataSource({
    type: 'postgres',
    url,
    entities: projectionEntities,
    migrations: [...eventStoreMigrations, ...projectionMigrations],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    extra: { max: poolSize },
  });

/** Serialises migrations across processes (api and projector may start together). */
const MIGRATION_LOCK = 7_420_2020;

export const runMigrations = async (dataSource: DataSource): Promise<string[]> => {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
};
