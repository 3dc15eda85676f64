import { useState } from 'react';

/**
 * Cursor paging both ways: the API gives only the next cursor, so the cursors of the pages
 * already seen are kept to go back.
 */
export const useCursorPages = () => {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  return {
    cursor: cursors[cursors.length - 1],
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: nextCursor !== null,
    /** What the page just loaded said comes next. */
    setNextCursor,
    next: () => nextCursor && setCursors((current) => [...current, nextCursor]),
    previous: () => setCursors((current) => (current.length > 1 ? current.slice(0, -1) : current)),
    reset: () => setCursors([null]),
  };
};
