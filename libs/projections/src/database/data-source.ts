import { DataSource } from 'typeorm';
import type { EmbeddedDatabase } from '@lib/platform';
import { eventStoreMigrations } from '@lib/event-store';
import { ServiceRoleGrants1764300000000 } from '../migrations/1764300000000-service-role-grants';
import { CreateAnchors1764700000000 } from '../migrations/1764700000000-create-anchors';
import { projectionEntities, projectionMigrations } from './read-model-schema';

/** Runs after every other migration's tables exist (TypeORM orders by timestamp). */
const securityMigrations: Function[] = [ServiceRoleGrants1764300000000];

/** The signed checkpoints of the log (anchoring/): not a read model, never rebuilt. */
const anchorMigrations: Function[] = [CreateAnchors1764700000000];

/** The whole schema: the log's migrations, then the read models', the service role's grants, the anchors. */
export const allMigrations: Function[] = [...eventStoreMigrations, ...projectionMigrations, ...securityMigrations, ...anchorMigrations];

/**
 * TypeORM owns the schema through migrations only; `synchronize` stays off everywhere. The
 * target is a PostgreSQL URL, or the embedded trial database (its one shared connection).
 */
export const createDataSource = (target: string | EmbeddedDatabase, poolSize = 10): DataSource =>
  new DataSource({
    type: 'postgres',
    ...(typeof target === 'string' ? { url: target, extra: { max: poolSize } } : { driver: target.typeormDriver() }),
    entities: projectionEntities,
    migrations: allMigrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
  });

/** Serialises migrations across processes (api and projector may start together). */
const MIGRATION_LOCK = 7_420_2020;

export const runMigrations = async (dataSource: DataSource, options: { serialise: boolean } = { serialise: true }): Promise<string[]> => {
  // One process, one connection (the embedded database): nobody to serialise with, and a
  // second connection for the lock would wait for the first for ever.
  if (!options.serialise) return (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
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
