import type { Pool } from 'pg';
import type { DataSource, ObjectLiteral } from 'typeorm';

/**
 * A read PostgreSQL parses and plans once per connection (a named prepared statement) instead
 * of on every call, as TypeORM's `query` does. For hot reads whose planning costs more than
 * their execution: the related applications (a union of two ordered, joined reads) took 2 ms to
 * plan and 1 ms to run on each read of an application. The embedded database, which has no
 * pool of its own, is asked the usual way.
 */
export const preparedQuery = async <Row>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<Row[]> => {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool || typeof pool.query !== 'function') return dataSource.query(text, values);
  const { rows } = await pool.query({ name: `relief-ledger-${name}`, text, values });
  return rows as Row[];
};

interface RowByKey {
  name: string;
  text: string;
  hydrate: (row: Record<string, unknown>) => unknown;
}

const rowsByKey = new WeakMap<DataSource, Map<new () => unknown, RowByKey>>();

const rowByKeyOf = (dataSource: DataSource, target: new () => unknown): RowByKey => {
  let statements = rowsByKey.get(dataSource);
  if (!statements) rowsByKey.set(dataSource, (statements = new Map()));
  let statement = statements.get(target);
  if (!statement) {
    const metadata = dataSource.getMetadata(target);
    const [primary, ...rest] = metadata.primaryColumns;
    if (!primary || rest.length > 0) throw new Error(`${metadata.name} has no single primary key`);
    const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const driver = dataSource.driver;
    statement = {
      name: `row-by-key-${metadata.tableName}`,
      text: `SELECT ${metadata.columns.map((column) => quote(column.databaseName)).join(', ')} FROM ${quote(metadata.tableName)} WHERE ${quote(primary.databaseName)} = $1`,
      hydrate: (row) => {
        const entity = metadata.create() as Record<string, unknown>;
        for (const column of metadata.columns) entity[column.propertyName] = driver.prepareHydratedValue(row[column.databaseName], column);
        return entity;
      },
    };
    statements.set(target, statement);
  }
  return statement;
};

/**
 * An entity's row by its primary key, as `findOneBy` returns it (an instance, the columns'
 * types and transformers applied), read with a named prepared statement: under the HTTP mix,
 * TypeORM built the same SELECT for every read of an application, and that and PostgreSQL
 * planning it again cost more than the read itself.
 */
export const preparedRowByKey = async <Entity extends ObjectLiteral>(dataSource: DataSource, target: new () => Entity, key: unknown): Promise<Entity | null> => {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool || typeof pool.query !== 'function') {
    const metadata = dataSource.getMetadata(target);
    return dataSource.getRepository(target).findOneBy({ [metadata.primaryColumns[0].propertyName]: key } as never);
  }
  const statement = rowByKeyOf(dataSource, target);
  const { rows } = await pool.query({ name: `relief-ledger-${statement.name}`, text: statement.text, values: [key] });
  return rows.length ? (statement.hydrate(rows[0]) as Entity) : null;
};
