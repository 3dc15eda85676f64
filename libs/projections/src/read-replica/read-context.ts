import { AsyncLocalStorage } from 'node:async_hooks';

/** Where one request's reads were served from, for its response headers. */
export interface ReadContext {
  /** Set by the API on query endpoints only: commands and the projector never read a replica. */
  replicaAllowed: boolean;
  source?: 'replica' | 'leader';
  /** The replica's replay lag when it served the request, in seconds. */
  lagSeconds?: number;
}

/**
 * Per request, without threading a parameter through every query: the API's query routes run
 * inside `readContext.run(...)`, and `ReadSource` consults and fills it.
 */
export const readContext = new AsyncLocalStorage<ReadContext>();
