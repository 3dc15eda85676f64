import { isDatabaseUnavailable } from './database-unavailable';

describe('isDatabaseUnavailable: which errors mean "retry later" (503), not a broken request', () => {
  it.each([
    ['a refused connection', { code: 'ECONNREFUSED' }],
    ['the server shutting down (a leader stopped by Patroni)', { code: '57P01' }],
    ['a write landing on a node just demoted to replica during a failover', { code: '25006', message: 'cannot execute INSERT in a read-only transaction' }],
    ['a broken connection, wrapped by TypeORM', { driverError: { code: '08006' } }],
    ['HAProxy closing a connection with no leader behind it', { message: 'Connection terminated unexpectedly' }],
    ['a rollback on a connection that broke mid-transaction', new Error('Client was closed and is not queryable')],
  ])('%s', (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['a unique violation', { code: '23505' }],
    ['a syntax error', { code: '42601' }],
    ['a plain bug', new TypeError('x is undefined')],
  ])('not %s', (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));
});
