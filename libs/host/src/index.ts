export * from './host.module';
export * from './graceful-shutdown';
export * from './http-logging';
export * from './http-metrics.middleware';
export * from './public.decorator';
export * from './projection-lag.probe';
export * from './shutdown-state';
