import { getMetadataArgsStorage, type EntityManager } from 'typeorm';

interface ColumnSpec {
  property: string;
  column: string;
  kind: 'number' | 'date' | 'plain';
  primary: boolean;
}

/** Rows per upsert statement: a catch-up batch (5,000 events) is a statement or two; a list act's batch, many. */
export const UPSERT_CHUNK_ROWS = 2_000;

const NUMERIC = new Set(['bigint', 'int8', 'numeric']);
const DATES = new Set(['timestamptz', 'timestamp', 'timestamp with time zone']);

/**
 * A read-model table whose columns are declared once, by its TypeORM entity: the mapping
 * between rows and raw records, and the batch upsert's column lists, follow from it. Table
 * names stay unqualified, so a rebuild can write into its own schema through the search_path.
 */
export class RowTable<Row extends object> {
  readonly columns: readonly ColumnSpec[];
  private readonly upsertSql: string;

  constructor(readonly table: string, entity: new () => Row) {
    this.columns = getMetadataArgsStorage()
      .columns.filter((column) => column.target === entity)
      .map((column) => {
        const type = String(column.options.type ?? '');
        return {
          property: column.propertyName,
          column: column.options.name ?? column.propertyName,
          kind: NUMERIC.has(type) ? 'number' : DATES.has(type) ? 'date' : 'plain',
          primary: column.mode === 'regular' && column.options.primary === true,
        } as const;
      });
    const keys = this.columns.filter((column) => column.primary).map((column) => column.column);
    if (keys.length === 0) throw new Error(`${table}: the entity declares no primary column`);
    const updated = this.columns.filter((column) => !column.primary).map((column) => `${column.column} = EXCLUDED.${column.column}`);
    this.upsertSql = `INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)
      ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updated.join(', ')}`;
  }

  /** A raw `SELECT *` record (snake_case, bigint as text) as the typed row. */
  fromRecord(record: Record<string, unknown>): Row {
    const row: Record<string, unknown> = {};
    for (const { property, column, kind } of this.columns) {
      const value = record[column];
      row[property] = value === null || value === undefined ? null : kind === 'number' ? Number(value) : kind === 'date' && !(value instanceof Date) ? new Date(value as string) : value;
    }
    return row as Row;
  }

  /** The typed row as the JSON record jsonb_populate_recordset takes. */
  toRecord(row: Row): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (const { property, column } of this.columns) {
      const value = (row as Record<string, unknown>)[property];
      record[column] = value instanceof Date ? value.toISOString() : value;
    }
    return record;
  }

  /**
   * Inserts or replaces these rows, UPSERT_CHUNK_ROWS to a statement: a batch ends only at a
   * transaction's end, so one provincial decision is one batch of 50,000 applications, and as
   * one JSON document (two bytes a character once Vietnamese names are in it) its rows took
   * hundreds of megabytes of the projector's heap at once.
   */
  async upsert(manager: Pick<EntityManager, 'query'>, rows: readonly Row[], chunkRows = UPSERT_CHUNK_ROWS): Promise<void> {
    for (let start = 0; start < rows.length; start += chunkRows) {
      await manager.query(this.upsertSql, [JSON.stringify(rows.slice(start, start + chunkRows).map((row) => this.toRecord(row)))]);
    }
  }
}
