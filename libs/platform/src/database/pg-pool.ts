import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import type { AppConfig } from '../config/app-config';
import { DEFAULT_DATABASE_URL } from '../config/database-url';
import { poolOptions } from './pool-options';

/** The service's connection pool to PostgreSQL (the event store's, and the health checks'). */
export const PG_POOL = Symbol('PG_POOL');

/**
 * A pool that survives the server dropping connections (a restart, a failover). A dropped
 * connection emits 'error'; with no listener the process would crash. The pool listens only
 * while a connection is idle, so every connection gets a listener of its own for the time it
 * is checked out; the broken connection is then refused by the pool, and the request that held
 * it gets a 503.
 */
export const createServicePool = (config: Pick<AppConfig, 'DATABASE_URL' | 'DB_ACQUIRE_TIMEOUT_MS' | 'DB_STATEMENT_TIMEOUT_MS'>, size: number, name = 'Database'): Pool => {
  const pool = new Pool(poolOptions(config, config.DATABASE_URL ?? DEFAULT_DATABASE_URL, size));
  const logger = new Logger(name);
  pool.on('error', (error) => logger.warn(`idle connection lost: ${error.message}`));
  pool.on('connect', (client) => client.on('error', (error) => logger.warn(`connection lost: ${error.message}`)));
  return pool;
};
