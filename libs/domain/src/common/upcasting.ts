import type { DomainEvent } from './domain-event';

/** One step of schema evolution: data at version `from` becomes data at `from + 1`. */
export type Upcaster = (data: any) => object;

/** Per event type: the upcaster from each old version to the next. Never delete an entry. */
export type UpcasterTable<E extends DomainEvent> = Partial<Record<E['type'], Record<number, Upcaster>>>;
