import { get } from './client';
import { isProblem } from './problem';
import type { ApplicationView } from './types';

/** The read models follow the log a moment later: wait until the application shows `version`. */
export const waitForVersion = async (id: string, version: number, timeoutMs = 8000): Promise<ApplicationView | null> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const view = await get<ApplicationView>(`/applications/${id}`);
      if (view.version >= version) return view;
    } catch (error) {
      if (!(isProblem(error) && error.problem.status === 404)) throw error;
    }
    if (Date.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
};
