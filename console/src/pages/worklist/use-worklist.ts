import { useCallback, useEffect, useState } from 'react';
import { get, query } from '../../api/client';
import { toProblem, type Problem } from '../../api/problem';
import type { ApplicationPage, ApplicationSummary, OverdueItem, OverduePage } from '../../api/types';

const MAX_PAGES = 5;

/** Every page of a cursor-paged list, up to MAX_PAGES of 200. */
const allPages = async <T,>(path: string, params: Record<string, string>): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer: { items: T[]; nextCursor: string | null } = await get(`${path}${query({ ...params, limit: 200, cursor })}`);
    items.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return items;
};

/** The ward's applications (of a status, if given) and which of them are overdue. */
export const useWorklist = (ward: string, status: string) => {
  const [items, setItems] = useState<ApplicationSummary[] | null>(null);
  const [overdue, setOverdue] = useState<Map<string, OverdueItem>>(new Map());
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = useCallback(async () => {
    setProblem(null);
    try {
      setItems(await allPages<ApplicationPage['items'][number]>('/applications', { ward, status }));
      const late = await allPages<OverduePage['items'][number]>('/overdue-steps', { ward });
      setOverdue(new Map(late.map((item) => [item.applicationId, item])));
    } catch (error) {
      setItems([]);
      setProblem(toProblem(error));
    }
  }, [ward, status]);

  useEffect(() => {
    setItems(null);
    void load();
  }, [load]);

  return { items, setItems, overdue, problem, setProblem, load };
};
