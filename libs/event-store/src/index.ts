export * from './event-store';
export * from './event-type-registry';
export * from './hash-chain';
export * from './postgres/postgres-event-store';
export { DEFAULT_COALESCING, type CoalescingOptions } from './postgres/append-coalescer';
export * from './migrations';
export * from './log-hash';
export * from './postgres/log-entries';
