import { get, query } from './client';
import type { Programme, ProgrammeList } from './types';

const cache = new Map<string, Promise<Programme>>();

/** GET /programmes/{id}, once per programme and version. */
export const getProgramme = (id: string, version?: number): Promise<Programme> => {
  const key = `${id}@${version ?? 'latest'}`;
  let cached = cache.get(key);
  if (!cached) {
    cached = get<Programme>(`/programmes/${encodeURIComponent(id)}${query({ version })}`);
    cached.catch(() => cache.delete(key));
    cache.set(key, cached);
  }
  return cached;
};

/** GET /programmes: the newest version of each. */
export const listProgrammes = (): Promise<Programme[]> => get<ProgrammeList>('/programmes').then((answer) => answer.items);
