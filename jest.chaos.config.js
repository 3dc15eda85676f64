/** @type {import('jest').Config} */
const base = require('./jest.config.js');
const { projects, ...shared } = base;

/**
 * `npm run test:chaos`: the long fault-injection runs (kill -9 the projector, restart a database
 * under load). One at a time: they start processes and a PostgreSQL cluster of their own.
 */
module.exports = {
  ...shared,
  maxWorkers: 1,
  testTimeout: 600000,
  globalSetup: '<rootDir>/test/chaos/support/build-service.js',
  ...projects[0],
  displayName: 'chaos',
  testMatch: ['<rootDir>/test/chaos/**/*.chaos-spec.ts'],
};
