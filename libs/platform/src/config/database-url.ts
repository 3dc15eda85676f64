import { Client } from 'pg';

/** Where `npm start` looks when DATABASE_URL is unset: the machine's own PostgreSQL. */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/relief_ledger';

/** Creates the database named in the URL when the server has none by that name (first start). */
export const ensureDatabase = async (url: string): Promise<void> => {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
};
