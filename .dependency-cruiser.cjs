/**
 * The arrows allowed between the libraries and apps (docs/ARCHITECTURE.md draws them):
 * apps -> libraries; write side and read side -> platform, store, domain; the store -> nothing
 * of ours; the domain -> nothing at all. `npm test` runs these rules (test/architecture).
 */
const SPECS = '\\.(spec|int-spec|e2e-spec)\\.ts$|/testing/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'library-imports-app',
      comment: 'A library never imports an app: apps are composed from libraries, not the other way round.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'app-imports-sibling-app',
      comment: 'No app imports another app; what two apps share is a library (host, platform).',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'domain-imports-outside',
      comment: 'The domain is pure: no framework, database, Node built-in or other library of ours.',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: SPECS },
      to: { pathNot: '^libs/domain/' },
    },
    {
      name: 'store-imports-application',
      comment: 'The event store knows no application: no domain, no write or read side, no platform.',
      severity: 'error',
      from: { path: '^libs/event-store/', pathNot: SPECS },
      to: { path: '^libs/(domain|application|projections|platform|seeding|host|testing)/' },
    },
    {
      name: 'read-side-imports-write-side',
      comment: 'Projections and queries read the log; they never call the write side.',
      severity: 'error',
      from: { path: '^libs/projections/', pathNot: SPECS },
      to: { path: '^libs/(application|seeding|host)/' },
    },
    {
      name: 'write-side-imports-read-side',
      comment: 'Commands are decided from the streams, never from read models.',
      severity: 'error',
      from: { path: '^libs/application/', pathNot: SPECS },
      to: { path: '^libs/(projections|seeding|host)/' },
    },
    {
      name: 'platform-imports-sides',
      comment: 'The platform serves both sides, so it imports neither (nor seeding or hosting).',
      severity: 'error',
      from: { path: '^libs/platform/', pathNot: SPECS },
      to: { path: '^libs/(application|projections|seeding|host)/' },
    },
    {
      name: 'host-imports-write-side',
      comment: 'Hosting concerns (health, logs, metrics, shutdown) need the platform and the read side\'s lag, nothing else.',
      severity: 'error',
      from: { path: '^libs/host/', pathNot: SPECS },
      to: { path: '^libs/(application|seeding)/' },
    },
    {
      name: 'production-imports-seeding',
      comment: 'Demo and evaluation data stay out of production code, except trial mode\'s demo and the CLI\'s seed commands.',
      severity: 'error',
      from: {
        path: '^(apps|libs)/',
        pathNot: ['^libs/(seeding|testing)/', '^apps/api/src/trial/', '^apps/cli/src/commands/seed', SPECS],
      },
      to: { path: '^libs/seeding/' },
    },
    {
      name: 'production-imports-testing',
      comment: 'Test helpers never ship.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['^libs/testing/', SPECS] },
      to: { path: '^libs/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|console)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
