import { useCallback, useEffect, useState } from 'react';
import { get } from '../../api/client';
import { toProblem, type Problem } from '../../api/problem';
import type { ApplicationView, History, HistoryEvent } from '../../api/types';
import { waitForVersion } from '../../api/wait-for-version';
import { verifyChain, type ChainResult } from './hash-chain';

/** One application: its events (with the hash chain checked in the browser) and its current state. */
export const useCase = (id: string | null) => {
  const [view, setView] = useState<ApplicationView | null>(null);
  const [events, setEvents] = useState<HistoryEvent[] | null>(null);
  const [chain, setChain] = useState<ChainResult | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = useCallback(async () => {
    if (!id) return;
    setProblem(null);
    try {
      // Just after intake the read model may not have it yet; the log (history) always does.
      const history = await get<History>(`/applications/${encodeURIComponent(id)}/history`);
      setEvents(history.events);
      setChain(null);
      void verifyChain(history.events).then(setChain);
      const last = history.events[history.events.length - 1]?.version ?? 1;
      setView((await waitForVersion(id, last, 5000)) ?? (await get<ApplicationView>(`/applications/${encodeURIComponent(id)}`)));
    } catch (error) {
      setProblem(toProblem(error));
    }
  }, [id]);

  useEffect(() => {
    setView(null);
    setEvents(null);
    void load();
  }, [load]);

  return { view, events, chain, problem, setProblem, load };
};
