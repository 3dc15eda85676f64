import type { PoolConfig } from 'pg';
import type { AppConfig } from '../config/app-config';

type TimeoutSettings = Pick<AppConfig, 'DB_ACQUIRE_TIMEOUT_MS' | 'DB_STATEMENT_TIMEOUT_MS'>;

/**
 * Every pool the service opens on a PostgreSQL server: a request waits a bounded time for a
 * connection and a query a bounded time for its answer, so an exhausted pool or a stuck query
 * becomes a 503 rather than a hang.
 */
export const poolOptions = (config: TimeoutSettings, connectionString: string, max: number): PoolConfig => ({
  connectionString,
  max,
  connectionTimeoutMillis: config.DB_ACQUIRE_TIMEOUT_MS,
  ...(config.DB_STATEMENT_TIMEOUT_MS > 0 ? { statement_timeout: config.DB_STATEMENT_TIMEOUT_MS } : {}),
  keepAlive: true,
});
