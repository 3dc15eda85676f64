/** @type {import('jest').Config} */
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];

// PGlite's CommonJS build loads Node built-ins with dynamic import(), which Jest's module
// sandbox refuses without --experimental-vm-modules; compiled to require() it loads.
const swcCommonJs = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

const moduleNameMapper = {
  '^@lib/(domain|event-store|application|projections|testing|platform|seeding|host)$': '<rootDir>/libs/$1/src',
  '^@lib/(domain|event-store|application|projections|testing|platform|seeding|host)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)s$': swc, '^.+/@electric-sql/pglite/.+\\.cjs$': swcCommonJs },
  // NestJS 12 (and @fastify/static's content-disposition) ship ESM only; Jest on Node 20 must transpile them to CommonJS.
  transformIgnorePatterns: ['^(?!.*/node_modules/(@nestjs|@electric-sql|content-disposition)/).*/node_modules/'],
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  // Suites wait on PostgreSQL more than on the CPU: more workers than cores pays off.
  maxWorkers: 4,
  // Database suites share two cores with PostgreSQL: generous hook and test limits, not timing claims.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'], testTimeout: 60000 },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/{apps,test}/**/*.e2e-spec.ts'], testTimeout: 60000 },
  ],
};
