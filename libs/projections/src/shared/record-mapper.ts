/**
 * Maps a typed read-model row to the snake_case JSON record that `jsonb_populate_recordset`
 * takes, and a raw `SELECT *` record (bigint as text) back to the row.
 */
export interface RecordMapper<Row> {
  fromRecord(record: Record<string, unknown>): Row;
  toRecord(row: Row): Record<string, unknown>;
}

const snake = (property: string): string => property.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

export const recordMapper = <Row extends object>(
  properties: readonly (keyof Row & string)[],
  kinds: { numeric?: readonly (keyof Row & string)[]; dates?: readonly (keyof Row & string)[] } = {},
): RecordMapper<Row> => {
  const numeric = new Set<string>(kinds.numeric ?? []);
  const dates = new Set<string>(kinds.dates ?? []);
  return {
    fromRecord: (record) => {
      const row: Record<string, unknown> = {};
      for (const property of properties) {
        const value = record[snake(property)];
        row[property] = value === null || value === undefined ? (value ?? null) : numeric.has(property) ? Number(value) : dates.has(property) ? new Date(value as string) : value;
      }
      return row as Row;
    },
    toRecord: (row) => {
      const record: Record<string, unknown> = {};
      for (const property of properties) {
        const value = (row as Record<string, unknown>)[property];
        record[snake(property)] = value instanceof Date ? value.toISOString() : value;
      }
      return record;
    },
  };
};
