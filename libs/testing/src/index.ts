export * from './decider-spec';
export * from './programmes';
export * from './test-database';
export * from './write-side-app';
export * from './builders/support-application.builders';
export * from './api-test-app';
export * from './stored-events';
export * from './projection-test-bed';
