export * from './host.module';
export * from './graceful-shutdown';
export * from './http-logging';
export * from './request-hooks';
export * from './public.decorator';
export * from './projection-lag.probe';
export * from './shutdown-state';
