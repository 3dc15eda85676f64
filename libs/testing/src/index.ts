export * from './decider-spec';
export * from './programmes';
export * from './test-database';
