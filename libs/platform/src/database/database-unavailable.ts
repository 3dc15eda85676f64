/** Node socket errors meaning the server cannot be reached right now. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/**
 * PostgreSQL error classes that say "not now" rather than "wrong request": the server is
 * shutting down or starting up (57P0x), the connection broke (08xxx), too many connections
 * (53300), a statement ran past statement_timeout or was cancelled (57014), a lock wait
 * timed out (55P03), a write reached a node that is no longer the leader (25006: during a
 * failover a connection may still land on the demoted one).
 */
const SQLSTATE = /^(08...|57P0[1-4]|57014|53300|55P03|25006)$/;

/** pg-pool and pg say these in words only. */
const MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'connection terminated',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end on the pool',
  'the database system is',
  'Query read timeout',
  // A client whose connection broke mid-transaction (a failover), asked to ROLLBACK.
  'Client was closed and is not queryable',
];

const inspect = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
  return typeof message === 'string' && MESSAGES.some((text) => message.includes(text));
};

/**
 * True when an error means the database cannot serve the request now (down, restarting,
 * saturated, too slow): the client should retry, so it is a 503, never a 500. TypeORM wraps
 * the driver's error; both are looked at.
 */
export const isDatabaseUnavailable = (error: unknown): boolean =>
  inspect(error) || inspect((error as { driverError?: unknown } | null)?.driverError) || inspect((error as { cause?: unknown } | null)?.cause);
