export * from './demo/demo-data';
export * from './demo/demo-seeder';
export * from './bulk/bulk-appender';
export * from './bulk/bulk-streams';
export * from './bulk/bulk-writer';
export * from './legacy-import/import-legacy-events';
export * from './fraud-synthetic/synthetic-seeder';
export * from './fraud-synthetic/fraud-injectors';
