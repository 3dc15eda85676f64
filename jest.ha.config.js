/** @type {import('jest').Config} */
const base = require('./jest.config.js');
const { projects, ...shared } = base;

/**
 * `npm run test:ha`: failover and point-in-time restore on a Patroni cluster of the suite's own
 * (ha/cluster.sh: etcd, three PostgreSQL nodes, HAProxy, pgBackRest; Debian packages patroni,
 * etcd-server, haproxy, pgbackrest). One at a time: it owns its ports and processes.
 */
module.exports = {
  ...shared,
  maxWorkers: 1,
  testTimeout: 600000,
  globalSetup: '<rootDir>/test/chaos/support/build-service.js',
  ...projects[0],
  displayName: 'ha',
  testMatch: ['<rootDir>/test/ha/**/*.ha-spec.ts'],
};
