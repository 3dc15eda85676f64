import { ConcurrencyError, type AppendRequest, type EventStore } from '@lib/event-store';
import { appendDuration, concurrencyConflicts } from './metrics';

/** `support-application-<uuid>` → `support-application`: a label per stream type, never per stream. */
const streamType = (streamId: string): string => /^([a-z-]+?)-[0-9a-f]{8,}/.exec(streamId)?.[1] ?? 'other';

/**
 * Times every append and counts optimistic-concurrency conflicts, leaving the store itself
 * untouched: a Proxy, so whatever else the store offers (and `instanceof`) still works.
 */
export const instrumentEventStore = <S extends EventStore>(store: S): S =>
  new Proxy(store, {
    get(target, property) {
      if (property === 'append') {
        return async (request: AppendRequest) => {
          const end = appendDuration.startTimer();
          try {
            const outcome = await target.append(request);
            end({ outcome: outcome.duplicate ? 'duplicate' : 'appended' });
            return outcome;
          } catch (error) {
            if (error instanceof ConcurrencyError) concurrencyConflicts.inc({ stream: streamType(error.streamId) });
            end({ outcome: error instanceof ConcurrencyError ? 'conflict' : 'error' });
            throw error;
          }
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
