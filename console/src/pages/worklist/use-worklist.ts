import { useCallback, useEffect, useState } from 'react';
import { get, query } from '../../api/client';
import { toProblem, type Problem } from '../../api/problem';
import type { ApplicationPage, ApplicationSummary, OverdueItem, OverduePage, WardDashboard } from '../../api/types';

export const PAGE_SIZE = 50;
const OVERDUE_PAGES = 5;

export interface WorklistQuery {
  ward: string;
  q: string;
  status: string;
  category: string;
  cursor: string | null;
}

/** Overdue applications of the ward (or all wards), to mark and sort the rows shown; not rendered as a list. */
const loadOverdue = async (ward: string): Promise<Map<string, OverdueItem>> => {
  const late = new Map<string, OverdueItem>();
  let cursor: string | null = null;
  for (let page = 0; page < OVERDUE_PAGES; page += 1) {
    const answer: OverduePage = await get(`/overdue-steps${query({ ward, limit: 200, cursor })}`);
    for (const item of answer.items) late.set(item.applicationId, item);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return late;
};

/** One page of the applications (API filters: ward, status, category), which are overdue, and the ward's counts by status. */
export const useWorklist = ({ ward, q, status, category, cursor }: WorklistQuery, onNextCursor: (cursor: string | null) => void) => {
  const [items, setItems] = useState<ApplicationSummary[] | null>(null);
  // The search the shown items answer, so a reader (or a test) knows the list is the new one.
  const [answered, setAnswered] = useState<string | null>(null);
  const [overdue, setOverdue] = useState<Map<string, OverdueItem>>(new Map());
  const [counts, setCounts] = useState<Record<string, number> | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = useCallback(async () => {
    setProblem(null);
    try {
      const page = await get<ApplicationPage>(`/applications${query({ ward, q, status, category, limit: PAGE_SIZE, cursor })}`);
      setItems(page.items);
      setAnswered(q);
      onNextCursor(page.nextCursor);
      setOverdue(await loadOverdue(ward));
      // Counts over every page come from the ward's dashboard; across all wards there is none.
      setCounts(ward ? (await get<WardDashboard>(`/dashboards/wards/${encodeURIComponent(ward)}`).catch(() => null))?.byStatus ?? null : null);
    } catch (error) {
      setItems([]);
      setAnswered(q);
      setProblem(toProblem(error));
    }
  }, [ward, q, status, category, cursor, onNextCursor]);

  useEffect(() => {
    setItems(null);
    void load();
  }, [load]);

  return { items, answered, setItems, overdue, counts, problem, setProblem, load };
};
