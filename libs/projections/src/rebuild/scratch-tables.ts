/**
 * Empty copies of read-model tables in a schema of their own (same columns, keys and indexes),
 * for a projection to be folded into from zero while the live tables keep serving: a rebuild
 * swaps them in, verify compares them with the live ones.
 */
export const copyTablesInto = async (db: { query(sql: string): Promise<unknown> }, schema: string, tables: readonly string[]): Promise<void> => {
  await db.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  for (const table of tables) await db.query(`CREATE TABLE IF NOT EXISTS ${schema}.${table} (LIKE public.${table} INCLUDING ALL)`);
};
